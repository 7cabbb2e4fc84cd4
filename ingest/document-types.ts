/**
 * How each document type is named in Vietnamese ("chi-thi" → "Chỉ thị"): one table for
 * answers ("Theo Kế hoạch, …"), for reading questions ("Chỉ thị 18") and for the ingest summary.
 */
import type { DocumentType } from './types.js';

export const DOCUMENT_TYPE_NAMES: Readonly<Record<DocumentType, string>> = {
  'ke-hoach': 'Kế hoạch',
  'chi-thi': 'Chỉ thị',
  'nghi-quyet': 'Nghị quyết',
  'quyet-dinh': 'Quyết định',
  'thong-tu': 'Thông tư',
  'nghi-dinh': 'Nghị định',
  'khung-nang-luc': 'Khung năng lực',
  other: 'Văn bản',
};
