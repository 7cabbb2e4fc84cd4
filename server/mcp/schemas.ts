/**
 * zod shapes shared by the MCP tools: the inputs every tool validates the same way (dates,
 * document ids) and the output schemas behind `structuredContent`. One zod import path
 * (`zod`, v4) everywhere, as in `server/config.ts`; the SDK accepts v4 schemas as they are.
 */
import { z } from 'zod';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True when `value` (YYYY-MM-DD) names a day that exists: 2026-02-30 does not. */
export function isCalendarDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** An ISO calendar date; the messages are what a model (and its user) read on a mistake. */
export function isoDateInput(description: string) {
  return z
    .string()
    .regex(ISO_DATE, 'Ngày phải có dạng YYYY-MM-DD, ví dụ 2026-06-30.')
    .refine(isCalendarDate, 'Ngày không có trong lịch (ví dụ 2026-02-30).')
    .describe(description);
}

/** The document argument of several tools: an id from list_documents, or a document number. */
export function documentIdInput(description: string) {
  return z
    .string()
    .trim()
    .min(1)
    .max(200)
    .describe(`${description} Either the id from list_documents or the document number as written ("335/2025/NĐ-CP", "141/KH-UBND"; diacritics optional).`);
}

export const unitOutput = z.object({
  name: z.string().describe('Canonical Vietnamese name, e.g. "Sở Nội vụ".'),
  aliases: z.array(z.string()).describe('Abbreviations and other spellings: "SNV", "so noi vu".'),
  level: z.string().describe('"trung ương", "tỉnh" or "xã".'),
});

export const timelineOutput = z.object({
  text: z.string().describe('The timeline as written in the document.'),
  kind: z.string().describe('deadline | recurring | conditional | per-authority | unspecified'),
  due: z.string().optional().describe('ISO date for a deadline (last day of the month named).'),
  dueText: z.string().optional().describe('The due date as Vietnamese text writes it ("30/6/2026"). Use this in text for a Vietnamese reader.'),
  frequency: z.string().optional(),
  trigger: z.string().optional().describe('For a conditional timeline: the event that starts it.'),
});

export const citationOutput = z.object({
  documentId: z.string(),
  documentTitle: z.string(),
  section: z.string().describe('Address in the document, e.g. "II.4".'),
  label: z.string().optional().describe('The place as Vietnamese readers name it: "mục II.4", "Điều 7 khoản 2". Show this, not the address.'),
  quote: z.string().describe('Verbatim text of the document.'),
});

export const sourceOutput = z.object({
  section: z.string().describe('Address the field was read from.'),
  label: z.string().optional().describe('The place as Vietnamese readers name it: "mục II.4". Show this, not the address.'),
  quote: z.string().describe('The line of the document, verbatim.'),
});

export const taskOutput = z.object({
  documentId: z.string(),
  address: z.string().describe('"II.4"'),
  label: z.string().describe('The place as Vietnamese readers name it: "mục II.4". Show this, not the address.'),
  number: z.number(),
  title: z.string(),
  lead: z.array(unitOutput),
  coordinating: z.array(unitOutput),
  timeline: timelineOutput,
});

export const sectionOutline = z.object({
  address: z.string(),
  label: z.string().describe('Vietnamese name of the section: "Điều 7 khoản 2", "mục II.4", "phần chữ ký".'),
  kind: z.string(),
  heading: z.string().nullable(),
});

export type UnitOutput = z.infer<typeof unitOutput>;
export type TimelineOutput = z.infer<typeof timelineOutput>;
export type TaskOutput = z.infer<typeof taskOutput>;
