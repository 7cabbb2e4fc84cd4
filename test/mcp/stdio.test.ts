/**
 * The stdio entry as a real process over the real corpus: the SDK's stdio client against
 * `npx tsx server/mcp-stdio.ts`, and a raw spawn of `npm run --silent mcp` that checks every
 * stdout line is a JSON-RPC message and that the process exits 0 when stdin closes or on SIGTERM.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { callTool, resultText } from './helpers.js';
import { buildRealCorpus, CORPUS_DIR, MUST_SHOW_QUESTION, REPO_ROOT, type RealCorpus } from './real-index.js';
import { INITIALIZE_BODY } from './http-server.js';

let corpus: RealCorpus;

/** The environment of the child: PATH and friends, plus the temporary index; no LLM keys. */
function childEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !key.startsWith('OPENAI_') && !key.startsWith('VITEST')) env[key] = value;
  }
  return { ...env, CORPUS_DIR, INDEX_DIR: corpus.indexDir, WATCH_INDEX: 'false', LOG_LEVEL: 'info' };
}

beforeAll(async () => {
  corpus = await buildRealCorpus();
});
afterAll(async () => {
  await corpus?.cleanup();
});

describe('npx tsx server/mcp-stdio.ts with the SDK stdio client', () => {
  it('answers the must-show questions and writes nothing but protocol to stdout', async () => {
    const transport = new StdioClientTransport({ command: 'npx', args: ['tsx', 'server/mcp-stdio.ts'], cwd: REPO_ROOT, env: childEnv(), stderr: 'pipe' });
    let stderr = '';
    transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const client = new Client({ name: 'stdio-test-client', version: '1.0.0' });
    const protocolErrors: Error[] = [];
    client.onerror = (error) => protocolErrors.push(error);
    await client.connect(transport);
    try {
      const answer = await callTool(client, 'ask', { question: MUST_SHOW_QUESTION });
      const data = answer.structuredContent as { answer: string; citations: Array<{ section: string }> };
      expect(data.answer).toContain('Sở Nội vụ');
      expect(data.citations.map((citation) => citation.section)).toContain('II.4');
      const tasks = await callTool(client, 'list_tasks', { unit: 'so noi vu', role: 'lead' });
      expect((tasks.structuredContent as { tasks: Array<{ address: string }> }).tasks.map((task) => task.address)).toEqual(['II.4', 'II.5', 'II.6', 'II.8']);
      const unknown = await callTool(client, 'get_task', { address: 'II.99' });
      expect(unknown.isError).toBe(true);
      expect(resultText(unknown)).toContain('II.99');
    } finally {
      await client.close();
    }
    // A non-JSON line on stdout would have reached onerror as a parse failure.
    expect(protocolErrors).toEqual([]);
    // The logs went to stderr, as JSON lines from pino.
    expect(stderr).toContain('MCP stdio: sẵn sàng');
  });
});

/** Spawns the server, sends initialize, calls `act` once answered; resolves at exit. */
function runRaw(
  command: string,
  args: string[],
  act: (child: ReturnType<typeof spawn>) => void,
): Promise<{ stdout: string; stderr: string; code: number | null; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, env: childEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let acted = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      if (!acted && stdout.includes('"id":1')) {
        acted = true;
        act(child);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ stdout, stderr, code, signal }));
    child.stdin.write(`${INITIALIZE_BODY}\n`);
  });
}

describe('the stdio server as a raw process', () => {
  it('npm run --silent mcp prints only JSON-RPC on stdout and exits 0 when stdin closes', async () => {
    const { stdout, code } = await runRaw('npm', ['run', '--silent', 'mcp'], (child) => child.stdin?.end());
    const lines = stdout.split('\n').filter((line) => line.trim() !== '');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(JSON.parse(line)).toMatchObject({ jsonrpc: '2.0' });
    expect(JSON.parse(lines[0]).result.serverInfo.name).toBe('plan-assistant');
    expect(code).toBe(0);
  });

  it('exits 0 on SIGTERM, with the reason in the stderr log', async () => {
    const { code, signal, stderr } = await runRaw(process.execPath, ['--import', 'tsx', 'server/mcp-stdio.ts'], (child) => child.kill('SIGTERM'));
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(stderr).toContain('"reason":"SIGTERM"');
  });
});
