/** The one mapping from thrown errors to MCP tool results. */
import { describe, expect, it } from 'vitest';
import { CorpusNotIndexedError, InvalidInputError, NotFoundError } from '../../common/errors.js';
import { failureResult, GENERIC_TOOL_ERROR } from '../../server/mcp/tool-result.js';
import { capturingLogger, resultText } from './helpers.js';

describe('failureResult', () => {
  it.each([new NotFoundError('Không tìm thấy nhiệm vụ “X”.'), new InvalidInputError('Ngày không hợp lệ.'), new CorpusNotIndexedError('Chưa có chỉ mục.')])(
    'keeps the Vietnamese message of a domain error (%s) and logs nothing',
    (error) => {
      const { logger, lines } = capturingLogger();
      const result = failureResult(error, 'tool', { logger });
      expect(result).toEqual({ isError: true, content: [{ type: 'text', text: error.message }] });
      expect(lines).toEqual([]);
    },
  );

  it('treats a cancelled request as such, without an error log', () => {
    const { logger, lines } = capturingLogger();
    const aborted = Object.assign(new Error('This operation was aborted'), { name: 'AbortError' });
    expect(resultText(failureResult(aborted, 'ask', { logger }))).toBe('Yêu cầu đã bị hủy.');
    expect(lines).toEqual([]);
  });

  it('hides anything else behind the generic message and logs it with the tool name', () => {
    const { logger, lines } = capturingLogger();
    const result = failureResult(new TypeError('cannot read x of undefined'), 'get_task', { logger });
    expect(result.isError).toBe(true);
    expect(resultText(result)).toBe(GENERIC_TOOL_ERROR);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 50, tool: 'get_task' });
  });
});
