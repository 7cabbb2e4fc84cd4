/**
 * The CSV and ICS writers as pure functions: quoting, BOM, escaping, folding at 75 octets,
 * and an ICS that a real parser (ical.js) reads back with the right dates and rules.
 * The tasks here are hand-built views with synthetic titles (not text of a real document).
 */
import ICAL from 'ical.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TaskView } from '../../server/core/types.js';
import { csvField, tasksToCsv } from '../../server/http/export/csv.js';
import { escapeText, foldLine, tasksToIcs } from '../../server/http/export/ics.js';

const unit = (name: string) => ({ name, aliases: [], level: 'tỉnh' as const });

function task(address: string, timeline: TaskView['timeline'], title = `Nhiệm vụ giả lập ${address}, có dấu phẩy; và "ngoặc kép"`): TaskView {
  return {
    documentId: 'ke-hoach-gia-lap',
    address,
    number: Number(address.split('.')[1]),
    title,
    lead: [unit('Sở Giả lập')],
    coordinating: [unit('Ủy ban nhân dân các xã, phường')],
    timeline,
  };
}

const TASKS: TaskView[] = [
  task('II.1', { text: 'Hoàn thành trong tháng 6/2026.', kind: 'deadline', due: '2026-06-30' }),
  task('II.2', { text: 'Thường xuyên hàng năm.', kind: 'recurring', frequency: 'yearly' }),
  task('II.3', { text: 'Sau khi có quyết định.', kind: 'conditional', trigger: 'Sau khi có quyết định' }),
  task('II.4', { text: 'Theo quy định của cấp có thẩm quyền.', kind: 'per-authority' }),
];

const icsOptions = {
  now: new Date('2026-03-01T08:00:00Z'),
  documentTitle: () => 'Kế hoạch giả lập',
  planYear: () => 2026,
};

describe('CSV', () => {
  it('starts with a BOM, has a Vietnamese header and CRLF rows, one per task', () => {
    const csv = tasksToCsv(TASKS, () => 'Kế hoạch giả lập');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n').filter(Boolean);
    expect(lines[0]).toContain('Đơn vị chủ trì');
    expect(lines).toHaveLength(TASKS.length + 1);
  });

  it('quotes fields with commas, quotes and line breaks, and round-trips them', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const field = csvField(value);
        const unquoted = field.startsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field;
        const expected = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
        expect(unquoted).toBe(expected);
        if (/[",\r\n]/.test(value)) expect(field.startsWith('"')).toBe(true);
      }),
    );
  });

  it('defuses spreadsheet formulas', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });
});

describe('ICS writer', () => {
  const ics = tasksToIcs(TASKS, icsOptions);

  it('uses CRLF everywhere and no physical line longer than 75 octets', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  });

  it('folds without splitting a multi-byte character, and unfolds to the original', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        const folded = foldLine(`DESCRIPTION:${text}`);
        for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
        expect(folded.replace(/\r\n /g, '')).toBe(`DESCRIPTION:${text}`);
      }),
    );
  });

  it('escapes TEXT values', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
  });

  it('parses with ical.js: all-day deadline, yearly rule, to-dos without due date', () => {
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const events = calendar.getAllSubcomponents('vevent');
    const todos = calendar.getAllSubcomponents('vtodo');
    expect(events).toHaveLength(2);
    expect(todos).toHaveLength(2);

    const deadline = new ICAL.Event(events[0]);
    expect(deadline.startDate.isDate).toBe(true);
    expect(deadline.startDate.toString()).toBe('2026-06-30');
    expect(deadline.description).toContain('Sở Giả lập');
    expect(deadline.description).toContain('Kế hoạch giả lập, mục II.1');
    expect(deadline.summary).toContain('"ngoặc kép"');

    const recurring = new ICAL.Event(events[1]);
    expect(recurring.isRecurring()).toBe(true);
    expect(events[1].getFirstPropertyValue('rrule')?.toString()).toBe('FREQ=YEARLY');
    expect(recurring.startDate.toString()).toBe('2026-01-01');
    expect(recurring.description).toContain('01/01 hằng năm');

    for (const todo of todos) {
      expect(todo.getFirstPropertyValue('due')).toBeNull();
      expect(String(todo.getFirstPropertyValue('description'))).toContain('mục II.');
    }
    expect(String(todos[0].getFirstPropertyValue('description'))).toContain('Điều kiện bắt đầu: Sau khi có quyết định');
  });

  it('gives stable UIDs: the same tasks give the same ids on another day', () => {
    const again = tasksToIcs(TASKS, { ...icsOptions, now: new Date('2027-01-01T00:00:00Z') });
    const uids = (text: string) => text.split('\r\n').filter((line) => line.startsWith('UID:'));
    expect(uids(again)).toEqual(uids(ics));
    expect(new Set(uids(ics)).size).toBe(TASKS.length);
  });
});
