/**
 * A server-sent events parser for fetch() response bodies (EventSource cannot POST).
 * Pure: feed it text, it calls back with { event, data } for each complete event.
 */

/**
 * Creates a parser. `push(text)` accepts any slice of the stream (events may be cut anywhere);
 * `end()` flushes a final event that lacked its blank line.
 * @param {(message: { event: string, data: string }) => void} onMessage
 */
export function createSseParser(onMessage) {
  let buffer = '';
  let event = '';
  let data = [];

  function dispatch() {
    if (data.length > 0) onMessage({ event: event || 'message', data: data.join('\n') });
    event = '';
    data = [];
  }

  function handleLine(line) {
    if (line === '') return dispatch();
    if (line.startsWith(':')) return undefined; // a comment (keep-alive)
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
    return undefined;
  }

  return {
    push(text) {
      buffer += text;
      // Lines end with LF, CR or CRLF; a trailing CR may be the first half of a CRLF, so wait.
      const pattern = /\r\n|\n|\r(?!$)/;
      let match = pattern.exec(buffer);
      while (match) {
        handleLine(buffer.slice(0, match.index));
        buffer = buffer.slice(match.index + match[0].length);
        match = pattern.exec(buffer);
      }
    },
    end() {
      if (buffer.length > 0) handleLine(buffer.replace(/\r$/, ''));
      buffer = '';
      dispatch();
    },
  };
}

/**
 * Reads a fetch Response body as SSE and calls `onEvent(name, parsedJson)` for each event.
 * @param {Response} response
 * @param {(name: string, data: unknown) => void} onEvent
 */
export async function readEventStream(response, onEvent) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder('utf-8');
  const parser = createSseParser(({ event, data }) => onEvent(event, JSON.parse(data)));
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    parser.push(decoder.decode(value, { stream: true }));
  }
  parser.push(decoder.decode());
  parser.end();
}
