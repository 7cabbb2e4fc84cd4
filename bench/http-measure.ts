/**
 * One HTTP measurement with autocannon's programmatic API: POST bodies rotated per request,
 * bounded in time, against a loopback URL only.
 */
import autocannon from 'autocannon';

export interface HttpMeasurement {
  connections: number;
  /** Mean requests per second over the run. */
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP97_5Ms: number;
  latencyP99Ms: number;
  requests: number;
  /** Connection errors, timeouts and non-2xx responses: any of these invalidates the figure. */
  failures: number;
  /** CPU time the server process spent per request (null when unmeasured). */
  serverCpuMsPerRequest?: number | null;
}

export interface MeasureOptions {
  /** Base URL, e.g. `http://127.0.0.1:40123`. Must be loopback. */
  baseUrl: string;
  path: string;
  /** JSON bodies sent in turn, one per request. */
  bodies: string[];
  connections: number;
  durationSeconds: number;
}

/** Refuses anything but a loopback host, so a benchmark can never load someone else's server. */
export function assertLoopback(baseUrl: string, what = 'HTTP bench'): void {
  const { hostname } = new URL(baseUrl);
  if (hostname !== '127.0.0.1' && hostname !== 'localhost' && hostname !== '[::1]') {
    throw new Error(`${what} runs on loopback only, not ${hostname}`);
  }
}

/** Runs autocannon against `baseUrl + path` and summarizes the result. */
export async function measurePost(options: MeasureOptions): Promise<HttpMeasurement> {
  assertLoopback(options.baseUrl);
  let next = 0;
  const result = await autocannon({
    url: options.baseUrl,
    connections: options.connections,
    duration: options.durationSeconds,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        path: options.path,
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => {
          // One shared counter across connections: every request asks the next question.
          const body = options.bodies[next % options.bodies.length];
          next += 1;
          return { ...request, body };
        },
      },
    ],
  });
  return {
    connections: options.connections,
    requestsPerSecond: result.requests.average,
    latencyP50Ms: result.latency.p50,
    latencyP97_5Ms: result.latency.p97_5,
    latencyP99Ms: result.latency.p99,
    requests: result.requests.total,
    failures: result.errors + result.timeouts + result.non2xx,
  };
}
