/**
 * The pages' pure browser modules, run in Node: the SSE parser (events cut at any byte), the
 * deadline phrases, and the quote locator used for highlighting.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

interface SseModule {
  createSseParser(onMessage: (message: { event: string; data: string }) => void): { push(text: string): void; end(): void };
}
interface DatesModule {
  daysBetween(from: string, to: string): number;
  describeDue(due: string, today: string): { text: string; state: string };
}
interface Range {
  start: number;
  end: number;
}
interface HighlightModule {
  locateQuote(text: string, quote: string, within: Range | null): Range | null;
  splitByMark(start: number, end: number, mark: Range | null): Array<Range & { marked: boolean }>;
}

// Plain browser ES modules without type declarations: imported through a path variable.
const webModule = (name: string) => import(new URL(`../../server/web/js/${name}`, import.meta.url).href);
const { createSseParser } = (await webModule('sse.js')) as SseModule;
const dates = (await webModule('dates.js')) as DatesModule;
const { locateQuote, splitByMark } = (await webModule('highlight.js')) as HighlightModule;

function parseAll(chunks: string[]) {
  const events: Array<{ event: string; data: string }> = [];
  const parser = createSseParser((message) => events.push(message));
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return events;
}

describe('SSE parser', () => {
  const stream =
    'event: citations\ndata: {"citations":[]}\n\n: keep-alive\n\nevent: delta\r\ndata: {"text":"Sở Nội vụ "}\r\n\r\nevent: done\rdata: {"answer":"x"}\r\r';

  it('reads named events with JSON data, whatever the line endings, skipping comments', () => {
    expect(parseAll([stream])).toEqual([
      { event: 'citations', data: '{"citations":[]}' },
      { event: 'delta', data: '{"text":"Sở Nội vụ "}' },
      { event: 'done', data: '{"answer":"x"}' },
    ]);
  });

  it('gives the same events however the stream is cut', () => {
    const whole = parseAll([stream]);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: stream.length - 1 }), { maxLength: 12 }), (cuts) => {
        const points = [0, ...cuts.sort((a, b) => a - b), stream.length];
        const chunks = points.slice(1).map((end, index) => stream.slice(points[index], end));
        expect(parseAll(chunks)).toEqual(whole);
      }),
    );
  });

  it('joins multi-line data and defaults the event name to "message"', () => {
    expect(parseAll(['data: a\ndata: b\n\n'])).toEqual([{ event: 'message', data: 'a\nb' }]);
  });
});

describe('deadline phrases', () => {
  it('counts days left, due today, and overdue', () => {
    expect(dates.describeDue('2026-06-30', '2026-06-18')).toEqual({ text: 'còn 12 ngày', state: 'future' });
    expect(dates.describeDue('2026-06-30', '2026-06-30')).toEqual({ text: 'đến hạn hôm nay', state: 'today' });
    expect(dates.describeDue('2026-06-30', '2026-07-03')).toEqual({ text: 'quá hạn 3 ngày', state: 'overdue' });
  });

  it('counts across months, leap years and daylight-saving changes', () => {
    expect(dates.daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(dates.daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(dates.daysBetween('2026-12-31', '2026-01-01')).toBe(-364);
  });
});

describe('quote location', () => {
  const text = 'Mục một. Đơn vị chủ trì: Sở Nội vụ.\n\nMục hai. Đơn vị chủ trì: Sở Nội vụ.';

  it('prefers the occurrence inside the cited section', () => {
    const second = { start: text.indexOf('Mục hai'), end: text.length };
    expect(locateQuote(text, 'Đơn vị chủ trì: Sở Nội vụ.', second)?.start).toBe(text.lastIndexOf('Đơn vị'));
    expect(locateQuote(text, 'Đơn vị chủ trì: Sở Nội vụ.', null)?.start).toBe(text.indexOf('Đơn vị'));
  });

  it('matches a quote whose line breaks were collapsed, and refuses an absent one', () => {
    const range = locateQuote(text, 'Sở Nội vụ. Mục hai.', null);
    expect(range && text.slice(range.start, range.end)).toBe('Sở Nội vụ.\n\nMục hai.');
    expect(locateQuote(text, 'Sở Tài chính', null)).toBeNull();
  });

  it('splits a block at the mark edges without losing characters', () => {
    fc.assert(
      fc.property(fc.nat(50), fc.nat(50), fc.nat(80), fc.nat(80), (a, length, m1, m2) => {
        const start = a;
        const end = a + length + 1;
        const mark = { start: Math.min(m1, m2), end: Math.max(m1, m2) + 1 };
        const pieces = splitByMark(start, end, mark);
        expect(pieces[0].start).toBe(start);
        expect(pieces.at(-1)?.end).toBe(end);
        pieces.slice(1).forEach((piece, index) => expect(piece.start).toBe(pieces[index].end));
        for (const piece of pieces.filter((candidate) => candidate.marked)) {
          expect(piece.start).toBeGreaterThanOrEqual(mark.start);
          expect(piece.end).toBeLessThanOrEqual(mark.end);
        }
      }),
    );
  });
});
