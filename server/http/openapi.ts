/**
 * A small OpenAPI 3.1 builder over `z.toJSONSchema()`: parameters and request bodies come from
 * the very zod schemas that validate requests (`schemas.ts`), so the document cannot drift.
 */
import { z } from 'zod';
import {
  askResponseSchema,
  documentFactsSchema,
  documentListSchema,
  errorResponseSchema,
  healthSchema,
  referenceListSchema,
  searchResponseSchema,
  taskDetailSchema,
  taskListSchema,
} from './response-schemas.js';
import {
  askBodySchema,
  documentParamsSchema,
  obligationFilterSchema,
  obligationListResponseSchema,
  searchQuerySchema,
  sectionParamsSchema,
  taskDetailQuerySchema,
  taskFilterSchema,
  taskParamsSchema,
} from './schemas.js';

type JsonSchema = Record<string, unknown>;

interface ResponseSpec {
  description: string;
  contentType?: string;
  schema?: z.ZodType;
}

interface OperationSpec {
  method: 'get' | 'post';
  path: string;
  summary: string;
  query?: z.ZodObject;
  params?: z.ZodObject;
  body?: z.ZodType;
  ok: ResponseSpec;
  /** Error statuses this route can answer, besides 500. */
  errors?: number[];
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Yêu cầu không hợp lệ.',
  404: 'Không tìm thấy.',
  413: 'Nội dung quá lớn.',
  415: 'Sai Content-Type.',
  500: 'Lỗi máy chủ.',
  503: 'Chưa có chỉ mục (chạy npm run ingest).',
};

/** JSON Schema of what a client sends (input side of transforms), without the `$schema` key. */
export function toSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

function parametersOf(schema: z.ZodObject, where: 'query' | 'path'): JsonSchema[] {
  const json = toSchema(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...propertySchema } = property;
    return {
      name,
      in: where,
      required: where === 'path' || (json.required ?? []).includes(name),
      ...(description ? { description } : {}),
      schema: propertySchema,
    };
  });
}

function content(contentType: string, schema?: z.ZodType): JsonSchema {
  return { [contentType]: schema ? { schema: toSchema(schema) } : {} };
}

function operationOf(spec: OperationSpec): JsonSchema {
  const responses: Record<string, JsonSchema> = {
    200: { description: spec.ok.description, content: content(spec.ok.contentType ?? 'application/json', spec.ok.schema) },
  };
  for (const status of [...(spec.errors ?? []), 500]) {
    responses[status] = { description: ERROR_DESCRIPTIONS[status], content: content('application/json', errorResponseSchema) };
  }
  const parameters = [
    ...(spec.params ? parametersOf(spec.params, 'path') : []),
    ...(spec.query ? parametersOf(spec.query, 'query') : []),
  ];
  return {
    summary: spec.summary,
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(spec.body ? { requestBody: { required: true, content: content('application/json', spec.body) } } : {}),
    responses,
  };
}

const OPERATIONS: OperationSpec[] = [
  { method: 'get', path: '/healthz', summary: 'Tình trạng máy chủ và chỉ mục', ok: { description: 'Sẵn sàng.', schema: healthSchema }, errors: [503] },
  {
    method: 'post',
    path: '/api/ask',
    summary: 'Hỏi trợ lý; gửi Accept: text/event-stream để nhận câu trả lời dạng luồng (citations, delta, done, error)',
    body: askBodySchema,
    ok: { description: 'Câu trả lời kèm trích dẫn.', schema: askResponseSchema },
    errors: [400, 413, 415, 503],
  },
  { method: 'get', path: '/api/search', summary: 'Tìm đoạn văn bản liên quan', query: searchQuerySchema, ok: { description: 'Các đoạn xếp theo điểm.', schema: searchResponseSchema }, errors: [400, 503] },
  { method: 'get', path: '/api/tasks', summary: 'Danh sách nhiệm vụ (lọc theo đơn vị, vai trò, thời hạn)', query: taskFilterSchema, ok: { description: 'Nhiệm vụ.', schema: taskListSchema }, errors: [400, 503] },
  { method: 'get', path: '/api/tasks.csv', summary: 'Nhiệm vụ dạng CSV (UTF-8 có BOM)', query: taskFilterSchema, ok: { description: 'Tệp CSV.', contentType: 'text/csv' }, errors: [400, 503] },
  { method: 'get', path: '/api/tasks.ics', summary: 'Nhiệm vụ dạng lịch iCalendar: hạn cụ thể → sự kiện cả ngày; thường xuyên → lặp hằng năm từ 01/01 năm kế hoạch; theo điều kiện hoặc theo cấp có thẩm quyền → việc cần làm (VTODO) không có hạn', query: taskFilterSchema, ok: { description: 'Tệp ICS.', contentType: 'text/calendar' }, errors: [400, 503] },
  { method: 'get', path: '/api/tasks/{address}', summary: 'Một nhiệm vụ, kèm nguồn nguyên văn từng trường', params: taskParamsSchema, query: taskDetailQuerySchema, ok: { description: 'Nhiệm vụ.', schema: taskDetailSchema }, errors: [400, 404, 503] },
  { method: 'get', path: '/api/obligations', summary: 'Việc của đơn vị trong mọi văn bản đã nạp (lọc theo đơn vị, văn bản, vai trò, loại và ngày hạn)', query: obligationFilterSchema, ok: { description: 'Việc, theo thứ tự văn bản, kèm vị trí và nguồn nguyên văn.', schema: obligationListResponseSchema }, errors: [400, 404, 503] },
  { method: 'get', path: '/api/obligations.csv', summary: 'Việc của đơn vị dạng CSV (UTF-8 có BOM)', query: obligationFilterSchema, ok: { description: 'Tệp CSV.', contentType: 'text/csv' }, errors: [400, 404, 503] },
  { method: 'get', path: '/api/obligations.ics', summary: 'Việc của đơn vị dạng lịch iCalendar: hạn cụ thể → sự kiện cả ngày; thường xuyên → lặp hằng năm; việc theo điều kiện, theo cấp có thẩm quyền hoặc không ghi hạn không có trong lịch', query: obligationFilterSchema, ok: { description: 'Tệp ICS.', contentType: 'text/calendar' }, errors: [400, 404, 503] },
  { method: 'get', path: '/api/units', summary: 'Danh mục đơn vị và tên gọi khác', ok: { description: 'Đơn vị.' }, errors: [503] },
  { method: 'get', path: '/api/documents', summary: 'Văn bản đã nạp và văn bản cần có', ok: { description: 'Văn bản, mỗi văn bản kèm thông tin phần đầu, người ký và thông tin còn thiếu.', schema: documentListSchema }, errors: [503] },
  { method: 'get', path: '/api/documents/{id}', summary: 'Một văn bản: thông tin, toàn văn đã chuẩn hóa, các mục', params: documentParamsSchema, ok: { description: 'Văn bản: toàn văn, các mục và thông tin phần đầu.', schema: documentFactsSchema.passthrough() }, errors: [400, 404, 503] },
  { method: 'get', path: '/api/documents/{id}/sections/{address}', summary: 'Một mục của văn bản', params: sectionParamsSchema, ok: { description: 'Mục.' }, errors: [400, 404, 503] },
  { method: 'get', path: '/api/references', summary: 'Văn bản được dẫn chiếu', ok: { description: 'Văn bản dẫn chiếu.', schema: referenceListSchema }, errors: [503] },
];

/** The OpenAPI 3.1 document of the HTTP API. */
export function buildOpenApiDocument(version: string): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const spec of OPERATIONS) {
    paths[spec.path] = { ...paths[spec.path], [spec.method]: operationOf(spec) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Trợ lý tra cứu kế hoạch',
      version,
      description: 'Hỏi đáp, tra cứu nhiệm vụ và văn bản, luôn kèm trích dẫn nguồn. Lỗi có dạng { error: { code, message } }.',
    },
    paths,
  };
}
