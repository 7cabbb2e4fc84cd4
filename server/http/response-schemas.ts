/**
 * Zod descriptions of the main responses, for the OpenAPI document only (responses come from
 * the typed core and are not re-validated). They mirror `server/core/types.ts`.
 */
import { z } from 'zod';
import { timelineKinds } from './schemas.js';

export const errorResponseSchema = z
  .object({
    error: z.object({
      code: z.string().describe('Mã lỗi tiếng Anh cho chương trình: not_found, invalid_request, payload_too_large…'),
      message: z.string().describe('Thông báo tiếng Việt cho người dùng.'),
    }),
  })
  .describe('Lỗi.');

export const citationSchema = z.object({
  documentId: z.string(),
  documentTitle: z.string(),
  section: z.string().describe('Địa chỉ mục trong văn bản ("II.4").'),
  quote: z.string().describe('Trích nguyên văn từ văn bản.'),
});

export const askResponseSchema = z.object({
  answer: z.string().describe('Câu trả lời, đánh dấu nguồn [1], [2]…'),
  citations: z.array(citationSchema),
  abstained: z.boolean().describe('true khi văn bản không trả lời được câu hỏi.'),
  conversationId: z.string(),
  mode: z.enum(['extractive', 'llm']),
  intent: z.string().optional(),
  notice: z.string().optional(),
});

const unitViewSchema = z.object({
  name: z.string(),
  aliases: z.array(z.string()),
  level: z.enum(['trung ương', 'tỉnh', 'xã']),
});

export const taskViewSchema = z.object({
  documentId: z.string(),
  address: z.string(),
  number: z.number().int(),
  title: z.string(),
  lead: z.array(unitViewSchema),
  coordinating: z.array(unitViewSchema),
  timeline: z.object({
    text: z.string(),
    kind: z.enum(timelineKinds),
    due: z.string().optional().describe('YYYY-MM-DD'),
    frequency: z.enum(['yearly', 'monthly', 'quarterly', 'continuous']).optional(),
    trigger: z.string().optional(),
  }),
});

export const taskListSchema = z.object({ tasks: z.array(taskViewSchema) });

export const healthSchema = z.object({
  status: z.literal('ok'),
  documents: z.number().int(),
  sections: z.number().int(),
  tasks: z.number().int(),
});

export const searchResponseSchema = z.object({
  query: z.string(),
  hits: z.array(
    z.object({
      documentId: z.string(),
      documentTitle: z.string(),
      address: z.string(),
      text: z.string(),
      score: z.number(),
    }),
  ),
});

const quotedSourceSchema = z.object({
  section: z.string().describe('Địa chỉ mục chứa câu nguồn.'),
  quote: z.string().describe('Câu nguồn, nguyên văn.'),
});

/** A document's header facts (mirrors `DocumentFacts` in `server/core/types.ts`). */
export const documentFactsSchema = z.object({
  type: z.string().describe('Loại văn bản: luat, nghi-dinh, ke-hoach, chi-thi, …'),
  title: z.string().describe('Tên hiển thị: loại văn bản và trích yếu.'),
  number: z.string().nullable().describe('Số, ký hiệu ("80/2025/QH15"); null khi văn bản để trống.'),
  issuedDate: z.string().nullable().describe('Ngày ban hành (ISO); null khi văn bản không ghi.'),
  issuer: z.string().nullable().describe('Cơ quan ban hành.'),
  issuerParent: z.string().nullable().describe('Cơ quan chủ quản ghi phía trên cơ quan ban hành.'),
  place: z.string().nullable().describe('Địa danh ban hành.'),
  signer: z
    .object({ name: z.string().nullable(), position: z.string().nullable(), authority: z.array(z.string()).describe('Dòng thẩm quyền ký: "TM. …", "KT. …".') })
    .nullable(),
  recipients: z.array(z.string()).describe('Nơi nhận.'),
  bases: z.array(z.string()).describe('Các dòng "Căn cứ …", nguyên văn.'),
  effectiveDate: z.string().nullable().describe('Ngày có hiệu lực (ISO) khi một điều khoản ghi rõ.'),
  effectiveSource: quotedSourceSchema.nullable(),
  replaces: z.array(quotedSourceSchema.extend({ number: z.string().nullable() })).describe('Văn bản được thay thế, hết hiệu lực hoặc bãi bỏ.'),
  factSources: z.record(z.string(), quotedSourceSchema).describe('Nguồn của thông tin không lấy từ phần đầu văn bản.'),
  gaps: z.array(z.object({ field: z.string(), reason: z.string() })).describe('Thông tin văn bản gốc không có, kèm lý do.'),
});

export const documentListSchema = z.object({
  documents: z.array(documentFactsSchema.extend({ id: z.string(), file: z.string(), sections: z.number().int() })),
  expected: z.array(z.object({ id: z.string(), present: z.boolean() }).passthrough()),
});
