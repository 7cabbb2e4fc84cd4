/**
 * The zod schemas that validate every request at the edge. The OpenAPI document is generated
 * from these same schemas (`openapi.ts`), so the documentation cannot drift from the checks.
 */
import { z } from 'zod';
import { HttpError } from './errors.js';

/** Longest question accepted, in characters (before control characters are stripped). */
export const MAX_QUESTION_LENGTH = 2000;

// C0/C1 controls become spaces (a pasted newline separates words); invisible format characters
// (zero-width, bidi overrides, BOM) are dropped because they only hide or reorder text.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F-\u009F]/g;
const INVISIBLE_FORMAT_CHARACTERS = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** Removes control and invisible format characters, collapses whitespace, NFC. */
export function cleanQuestion(raw: string): string {
  return raw
    .replace(INVISIBLE_FORMAT_CHARACTERS, '')
    .replace(CONTROL_CHARACTERS, ' ')
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim();
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD, ví dụ 2026-06-30.')
  // Date.parse rolls 2026-02-31 over to 3 March: a real date must survive the round trip.
  .refine((value) => {
    const time = Date.parse(`${value}T00:00:00Z`);
    return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
  }, 'Ngày không tồn tại.');

const identifier = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `Thiếu ${what}.`)
    .max(200, `${what[0].toUpperCase()}${what.slice(1)} quá dài.`);

export const askBodySchema = z
  .object({
    question: z
      .string({ error: 'Trường "question" (câu hỏi) là bắt buộc và phải là chuỗi ký tự.' })
      .max(MAX_QUESTION_LENGTH, `Câu hỏi dài quá ${MAX_QUESTION_LENGTH} ký tự.`)
      .transform(cleanQuestion)
      .pipe(z.string().min(1, 'Câu hỏi đang để trống.'))
      .describe('Câu hỏi bằng tiếng Việt (có dấu hoặc không dấu), tối đa 2000 ký tự.'),
    conversationId: z
      .string({ error: 'Trường "conversationId" phải là chuỗi ký tự.' })
      .trim()
      .min(1, 'conversationId đang để trống.')
      .max(100, 'conversationId quá dài.')
      .optional()
      .describe('Mã hội thoại từ câu trả lời trước, để hỏi tiếp ("Ai chủ trì?").'),
    documentId: z
      .string({ error: 'Trường "documentId" phải là chuỗi ký tự.' })
      .trim()
      .min(1, 'documentId đang để trống.')
      .max(200, 'documentId quá dài.')
      .optional()
      .describe('Chỉ trả lời từ văn bản này (mã văn bản trong /api/documents); bỏ trống để hỏi mọi văn bản đã nạp.'),
  })
  .describe('Câu hỏi gửi trợ lý.');

export const searchQuerySchema = z.object({
  q: z
    .string({ error: 'Thiếu tham số "q" (nội dung cần tìm).' })
    .max(500, 'Nội dung tìm kiếm dài quá 500 ký tự.')
    .transform(cleanQuestion)
    .pipe(z.string().min(1, 'Nội dung tìm kiếm đang để trống.'))
    .describe('Nội dung cần tìm.'),
  k: z.coerce
    .number({ error: 'Tham số "k" phải là số.' })
    .int('Tham số "k" phải là số nguyên.')
    .min(1, 'Tham số "k" phải từ 1 đến 50.')
    .max(50, 'Tham số "k" phải từ 1 đến 50.')
    .default(8)
    .describe('Số đoạn trả về (1–50).'),
  documentId: identifier('mã văn bản').optional().describe('Chỉ tìm trong văn bản này.'),
});

export const timelineKinds = ['deadline', 'recurring', 'conditional', 'per-authority', 'unspecified'] as const;

export const taskFilterSchema = z.object({
  unit: z
    .string()
    .trim()
    .min(1, 'Tham số "unit" đang để trống.')
    .max(200, 'Tên đơn vị quá dài.')
    .optional()
    .describe('Đơn vị: tên, tên viết tắt hoặc không dấu ("Sở Nội vụ", "SNV", "so noi vu").'),
  role: z
    .enum(['lead', 'coordinating', 'any'], { error: 'Tham số "role" phải là lead, coordinating hoặc any.' })
    .optional()
    .describe('Vai trò của đơn vị: lead (chủ trì), coordinating (phối hợp), any (cả hai).'),
  dueBefore: isoDate.optional().describe('Hạn hoàn thành không muộn hơn ngày này (YYYY-MM-DD).'),
  dueAfter: isoDate.optional().describe('Hạn hoàn thành không sớm hơn ngày này (YYYY-MM-DD).'),
  kind: z
    .enum(timelineKinds, {
      error: 'Tham số "kind" phải là deadline, recurring, conditional, per-authority hoặc unspecified.',
    })
    .optional()
    .describe('Loại thời hạn.'),
  documentId: identifier('mã văn bản').optional().describe('Chỉ lấy nhiệm vụ của văn bản này.'),
});

export const taskParamsSchema = z.object({
  address: identifier('địa chỉ nhiệm vụ').describe('Địa chỉ ("II.4") hoặc số thứ tự ("4") của nhiệm vụ.'),
});

export const taskDetailQuerySchema = z.object({
  documentId: identifier('mã văn bản').optional().describe('Văn bản chứa nhiệm vụ.'),
});

export const documentParamsSchema = z.object({
  id: identifier('mã văn bản').describe('Mã văn bản (slug).'),
});

export const sectionParamsSchema = z.object({
  id: identifier('mã văn bản').describe('Mã văn bản (slug).'),
  address: identifier('địa chỉ mục').describe('Địa chỉ mục: "II.4", "footnote.1", "header"…'),
});

export type AskBody = z.infer<typeof askBodySchema>;
export type SearchQuery = z.infer<typeof searchQuerySchema>;
export type TaskFilterQuery = z.infer<typeof taskFilterSchema>;

/** Parses request input; a failure becomes a 400 `invalid_request` naming what is wrong, in Vietnamese. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, value: unknown): z.infer<Schema> {
  const result = schema.safeParse(value ?? {}, { error: vietnameseFallback });
  if (result.success) return result.data;
  const messages = [...new Set(result.error.issues.map((issue) => issue.message))];
  throw new HttpError(400, 'invalid_request', messages.join(' '));
}

/**
 * Per-parse error map: it only applies where a schema gave no message of its own, so users
 * read Vietnamese even for a wrong type on a field we did not anticipate.
 */
function vietnameseFallback(issue: z.core.$ZodRawIssue): string {
  const where = issue.path && issue.path.length > 0 ? ` "${issue.path.join('.')}"` : '';
  return `Giá trị${where} không hợp lệ.`;
}

// --- Obligations of a unit across documents (`GET /api/obligations`, `.csv`, `.ics`) ---

export const obligationRoles = ['lead', 'coordinating', 'responsible', 'approves', 'reports-to', 'implements'] as const;

export const obligationFilterSchema = z.object({
  unit: taskFilterSchema.shape.unit,
  documentId: identifier('mã văn bản').optional().describe('Chỉ lấy việc của văn bản này (mã trong /api/documents).'),
  role: z
    .enum(obligationRoles, {
      error: 'Tham số "role" phải là lead, coordinating, responsible, approves, reports-to hoặc implements.',
    })
    .optional()
    .describe('Vai trò: lead (chủ trì), coordinating (phối hợp), responsible (chịu trách nhiệm), approves (phê duyệt), reports-to (báo cáo), implements (thực hiện).'),
  kind: taskFilterSchema.shape.kind,
  dueBefore: isoDate.optional().describe('Hạn hoàn thành không muộn hơn ngày này (YYYY-MM-DD); việc không có hạn bị loại.'),
  dueAfter: isoDate.optional().describe('Hạn hoàn thành không sớm hơn ngày này (YYYY-MM-DD); việc không có hạn bị loại.'),
});

export type ObligationFilterQuery = z.infer<typeof obligationFilterSchema>;

const placeQuoteResponse = z.object({ section: z.string(), label: z.string().describe('Tên vị trí: "Điều 7 khoản 2", "mục II.4".'), quote: z.string().describe('Nguyên văn.') });
const dateText = (what: string) => z.string().nullable().describe(`${what} dạng văn bản hành chính ("01/01/2026", "30/6/2026"); null khi không lọc.`);

/** The JSON answer of `GET /api/obligations`, for the OpenAPI document. */
export const obligationListResponseSchema = z.object({
  unit: z
    .object({ name: z.string(), aliases: z.array(z.string()) })
    .nullable()
    .describe('Đơn vị mà tên đã gõ được hiểu là; null khi không lọc theo đơn vị.'),
  window: z.object({ dueAfterText: dateText('dueAfter'), dueBeforeText: dateText('dueBefore') }).describe('Khoảng ngày hạn đã đọc, để trang hiển thị đúng cách viết ngày.'),
  obligations: z.array(
    z.object({
      id: z.string(),
      documentId: z.string(),
      documentShortName: z.string().describe('"NĐ 335/2025", "KH 141".'),
      documentTitle: z.string(),
      address: z.string(),
      label: z.string().describe('Tên vị trí: "Điều 7 khoản 2", "mục II.4".'),
      role: z.enum(obligationRoles),
      roleText: z.string().describe('Vai trò bằng lời: "Chủ trì", "Phối hợp", "Chịu trách nhiệm", …'),
      action: z.string().describe('Việc phải làm, nguyên văn.'),
      timeline: z
        .object({
          text: z.string(),
          kind: z.enum(timelineKinds),
          kindText: z.string().describe('"Có thời hạn", "Thường xuyên", …'),
          due: z.string().optional().describe('YYYY-MM-DD.'),
          dueText: z.string().optional().describe('Hạn dạng văn bản hành chính: "30/6/2026", "05/01/2026".'),
        })
        .passthrough(),
      units: z.array(z.object({ name: z.string(), aliases: z.array(z.string()), level: z.string() })),
      taskAddress: z.string().optional(),
      source: placeQuoteResponse.describe('Câu giao việc, nguyên văn.'),
      sources: z.object({ actor: placeQuoteResponse, action: placeQuoteResponse, timeline: placeQuoteResponse.nullable() }),
    }),
  ),
});
