/**
 * Zod descriptions of the main responses, for the OpenAPI document only (responses come from
 * the typed core and are not re-validated). They mirror `server/core/types.ts` and the words
 * faces show beside the data (`server/core/catalog/display.ts`): dates stay ISO, with the
 * Vietnamese text beside them ("30/6/2026"); places come with their label ("Điều 18 khoản 1").
 */
import { z } from 'zod';
import { timelineKinds } from './schemas.js';

/** A date as Vietnamese text writes it (Nghị định 30/2020/NĐ-CP): what pages and files show. */
export const dateTextSchema = (what: string) =>
  z.string().describe(`${what} dạng văn bản hành chính: ngày dưới 10 và tháng 1, 2 thêm số 0 ("08/5/2026", "05/01/2026", "30/6/2026").`).meta({ examples: ['30/6/2026'] });

/** The Vietnamese label of a place: what people read instead of its address. */
export const labelSchema = z
  .string()
  .describe('Tên vị trí như văn bản gọi: "mục II.4", "Điều 18 khoản 1", "Phụ lục I, dòng 4". Hiển thị trường này, không hiển thị địa chỉ.')
  .meta({ examples: ['Điều 18 khoản 1'] });

const shortNameSchema = z.string().describe('Tên ngắn của văn bản: "NĐ 335/2025", "Luật 80/2025"; tên loại khi văn bản không có số.').meta({ examples: ['NĐ 335/2025'] });

/** A timeline: as written, its kind, and for a dated deadline the ISO due date with its text. */
export const timelineSchema = z.object({
  text: z.string().describe('Thời hạn, nguyên văn.'),
  kind: z.enum(timelineKinds),
  kindText: z.string().describe('Loại thời hạn bằng lời: "Có thời hạn", "Thường xuyên", …'),
  due: z.string().optional().describe('YYYY-MM-DD').meta({ examples: ['2026-06-30'] }),
  dueText: dateTextSchema('Hạn hoàn thành').optional(),
  frequency: z.enum(['yearly', 'monthly', 'quarterly', 'continuous']).optional(),
  trigger: z.string().optional(),
});

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
  section: z.string().describe('Địa chỉ mục trong văn bản ("II.4"), cho liên kết; không hiển thị.'),
  label: labelSchema,
  documentShortName: shortNameSchema,
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
  intentRule: z.string().optional().describe('Quy tắc nhận diện ý định đã khớp (intent rule name), để chẩn đoán.'),
  abstainReason: z.string().optional().describe('Lý do không trả lời, dạng mã (abstain reason code: "foreign-words", "no-span", …); chỉ có khi abstained.'),
  choices: z
    .array(z.object({ documentId: z.string(), section: z.string(), label: z.string() }))
    .optional()
    .describe('Khi câu trả lời hỏi lại văn bản nào (số nhiệm vụ có trong nhiều văn bản): các lựa chọn (ask-back choices).'),
});

const unitViewSchema = z.object({
  name: z.string(),
  aliases: z.array(z.string()),
  level: z.enum(['trung ương', 'tỉnh', 'xã']),
});

export const taskViewSchema = z.object({
  documentId: z.string(),
  address: z.string(),
  label: labelSchema,
  number: z.number().int(),
  title: z.string(),
  lead: z.array(unitViewSchema),
  coordinating: z.array(unitViewSchema),
  timeline: timelineSchema,
});

const placeQuoteSchema = z.object({ section: z.string(), label: labelSchema, quote: z.string().describe('Nguyên văn.') });

/** One task with the verbatim source of each field (`GET /api/tasks/{address}`). */
export const taskDetailSchema = taskViewSchema.extend({
  text: z.string(),
  assignments: z.array(
    z.object({
      unit: unitViewSchema,
      role: z.enum(['lead', 'coordinating']),
      roleText: z.string().describe('"Chủ trì", "Phối hợp".'),
      duty: z.string(),
      section: z.string(),
      label: labelSchema,
      quote: z.string(),
    }),
  ),
  sources: z.object({ title: placeQuoteSchema, lead: placeQuoteSchema.nullable(), coordinating: placeQuoteSchema.nullable(), timeline: placeQuoteSchema.nullable() }),
  footnotes: z.array(z.object({ section: z.string(), label: labelSchema, text: z.string() })),
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
      label: labelSchema,
      documentShortName: shortNameSchema,
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
  typeName: z.string().describe('Tên loại văn bản: "Nghị định".'),
  shortName: shortNameSchema,
  title: z.string().describe('Tên hiển thị: loại văn bản và trích yếu.'),
  number: z.string().nullable().describe('Số, ký hiệu ("80/2025/QH15"); null khi văn bản để trống.'),
  numberText: z.string().nullable().describe('Số hiệu để hiển thị: số, hoặc dòng số như văn bản ghi (không lặp "Số:") khi số để trống ("/KH-UBND").'),
  issuedDate: z.string().nullable().describe('Ngày ban hành (ISO); null khi văn bản không ghi.'),
  issuedDateText: dateTextSchema('Ngày ban hành').nullable(),
  issuer: z.string().nullable().describe('Cơ quan ban hành.'),
  issuerParent: z.string().nullable().describe('Cơ quan chủ quản ghi phía trên cơ quan ban hành.'),
  place: z.string().nullable().describe('Địa danh ban hành.'),
  signer: z
    .object({ name: z.string().nullable(), position: z.string().nullable(), authority: z.array(z.string()).describe('Dòng thẩm quyền ký: "TM. …", "KT. …".') })
    .nullable(),
  recipients: z.array(z.string()).describe('Nơi nhận.'),
  bases: z.array(z.string()).describe('Các dòng "Căn cứ …", nguyên văn.'),
  effectiveDate: z.string().nullable().describe('Ngày có hiệu lực (ISO) khi một điều khoản ghi rõ.'),
  effectiveDateText: dateTextSchema('Ngày có hiệu lực').nullable(),
  effectiveSource: quotedSourceSchema.nullable(),
  replaces: z.array(quotedSourceSchema.extend({ number: z.string().nullable() })).describe('Văn bản được thay thế, hết hiệu lực hoặc bãi bỏ.'),
  factSources: z.record(z.string(), quotedSourceSchema).describe('Nguồn của thông tin không lấy từ phần đầu văn bản.'),
  gaps: z.array(z.object({ field: z.string(), reason: z.string() })).describe('Thông tin văn bản gốc không có, kèm lý do.'),
});

export const documentListSchema = z.object({
  documents: z.array(documentFactsSchema.extend({ id: z.string(), file: z.string(), sections: z.number().int() })),
  expected: z.array(
    z
      .object({
        id: z.string(),
        present: z.boolean(),
        typeName: z.string(),
        shortName: shortNameSchema,
        date: z.string().nullable().describe('YYYY-MM-DD'),
        dateText: dateTextSchema('Ngày ban hành').nullable(),
        source: z
          .object({ repository: z.string(), path: z.string(), commit: z.string() })
          .optional()
          .describe('Nơi tệp được sao nguyên văn (kho công khai, đường dẫn, commit), khi có (where the corpus file was copied from).'),
        knownGaps: z
          .array(z.object({ field: z.string(), reason: z.string() }))
          .optional()
          .describe('Phần bản nguồn thiếu, ghi nhận chứ không điền (known gaps of the source).'),
      })
      .passthrough(),
  ),
});

/** `GET /api/references`: documents cited by the loaded ones, with the date as text and the citing places' labels. */
export const referenceListSchema = z.object({
  references: z.array(
    z
      .object({
        id: z.string(),
        number: z.string().describe('"18/CT-TTg"'),
        typeText: z.string().describe('"Chỉ thị", "Nghị quyết" như văn bản ghi.'),
        date: z.string().nullable().describe('YYYY-MM-DD; null khi văn bản dẫn chiếu không ghi ngày.'),
        dateText: dateTextSchema('Ngày ban hành').nullable(),
        issuer: z.string().nullable(),
        subject: z.string().nullable(),
        citedIn: z.array(z.object({ documentId: z.string(), address: z.string(), label: labelSchema, quote: z.string().describe('Câu dẫn chiếu, nguyên văn.') }).passthrough()),
        loadedAs: z.string().nullable().describe('Mã văn bản đã nạp chứa toàn văn, hoặc null.'),
      })
      .passthrough(),
  ),
});
