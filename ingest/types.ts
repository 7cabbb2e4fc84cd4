/**
 * The shared contract of the ingest pipeline: what each stage produces and the index holds.
 * Every other module (retrieval, HTTP, MCP, bench) reads these shapes; change them here only.
 *
 * Pipeline: load → normalize → parse → extract (tasks, units, timelines, references) → chunk → embed → write.
 */

/** A character range [start, end) in a document's normalized text. */
export interface Span {
  start: number;
  end: number;
}

export type DocumentType =
  | 'ke-hoach'
  | 'chi-thi'
  | 'nghi-quyet'
  | 'quyet-dinh'
  | 'thong-tu'
  | 'nghi-dinh'
  | 'khung-nang-luc'
  | 'luat'
  | 'phap-lenh'
  | 'cong-van'
  | 'thong-bao'
  | 'bao-cao'
  | 'huong-dan'
  | 'de-an'
  | 'chuong-trinh'
  | 'quy-dinh'
  | 'ket-luan'
  | 'to-trinh'
  | 'other';

export type SourceFormat = 'txt' | 'md' | 'docx' | 'pdf' | 'html';

/** A table kept as rows with its header, as a loader found it (docx, html, md pipe tables). */
export interface LoadedTable {
  header: string[];
  rows: string[][];
}

/**
 * What a loader hands to the parser: plain text, with tables rendered inline as pipe rows
 * (`| Vị trí | Năng lực | Cấp độ |`, one line per row, the first row the header).
 */
export interface LoadedText {
  /** Path relative to the corpus folder, with forward slashes. */
  file: string;
  format: SourceFormat;
  text: string;
  /** sha256 of the file's bytes, hex. */
  hash: string;
}

/** A file the loaders could not turn into text, with the reason in Vietnamese. */
export interface SkippedFile {
  file: string;
  reason: string;
  /** Machine-readable cause: 'empty' | 'corrupt' | 'legacy-encoding' | 'unsupported' | 'unreadable'. */
  code: string;
}

export type SectionKind =
  | 'header'
  | 'preamble'
  | 'part' // I, II, III
  | 'item' // II.4
  | 'subitem' // II.6.a
  | 'closing' // III.closing
  | 'footnote'
  | 'recipients'
  | 'signature'
  | 'chapter' // chuong.1
  | 'section' // muc.1 (Mục)
  | 'article' // dieu.5
  | 'clause' // dieu.5.khoan.2
  | 'point' // dieu.5.khoan.2.diem.a
  | 'table' // table.1
  | 'table-row' // table.1.row.3
  | 'appendix' // phu-luc.1 (Phụ lục I)
  | 'paragraph';

/** One structural unit of a document, addressed as in SPEC.md ("II.4", "footnote.1", "dieu.5.khoan.2"). */
export interface Section {
  address: string;
  /**
   * What people see instead of the address, as the document itself would say it:
   * "mục II.5", "Điều 18 khoản 1", "điểm a khoản 2 Điều 30", "Phụ lục I, dòng 4", "phần chữ ký".
   */
  label: string;
  kind: SectionKind;
  /** The heading as written ("NHIỆM VỤ, GIẢI PHÁP"), or the first sentence of an item; null when none. */
  heading: string | null;
  /** Exactly `document.text.slice(span.start, span.end)`. */
  text: string;
  span: Span;
  /** Address of the enclosing section, or null at top level. */
  parent: string | null;
  /** Headings from the top down, for chunk context: ["II. NHIỆM VỤ, GIẢI PHÁP", "4. Rà soát …"]. */
  path: string[];
  /** Addresses of the footnotes this section cites ("footnote.1"). */
  footnotes?: string[];
  /** For a table row: the table header, cell texts in order. */
  tableHeader?: string[];
  cells?: string[];
}

export interface Signer {
  name: string | null;
  /** "Phó Chủ tịch" */
  role: string | null;
  /** Lines above the role: ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"] */
  authority: string[];
}

export interface DocumentHeader {
  /** "Ủy ban nhân dân tỉnh Ninh Bình" when the text or the expected registry states it; else null. */
  issuer: string | null;
  /** "18/CT-TTg"; null when the text leaves it blank ("Số: /KH-UBND"). */
  number: string | null;
  /** The number line as written ("Số: /KH-UBND"), or null. */
  numberText: string | null;
  place: string | null;
  /** ISO date, or null when the text leaves day or month blank. */
  issuedDate: string | null;
  /** The date line as written ("Ninh Bình, ngày tháng năm 2026"). */
  dateText: string | null;
  /** Year when only the year is given. */
  year: number | null;
  /** "KẾ HOẠCH" as written. */
  typeText: string | null;
  title: string | null;
  /** The parent body above the issuer ("BỘ NỘI VỤ" above "CỤC …", "UBND TỈNH" above "SỞ …"), or null. */
  issuerParent?: string | null;
  /** Where a fact came from when it was not read from the header itself (a date from "Kèm theo Nghị định … ngày …"). */
  factSources?: Partial<Record<HeaderFact, FieldSource>>;
  /** Bases ("Căn cứ …" lines of the preamble), verbatim, in order. */
  bases?: string[];
  /** ISO effective date, when a clause states one ("có hiệu lực thi hành từ ngày 01 tháng 7 năm 2025"). */
  effectiveDate?: string | null;
  /** The clause stating the effective date (or "kể từ ngày ký"). */
  effectiveSource?: FieldSource | null;
  /** Documents this one replaces or ends, as written ("Nghị định số 138/2020/NĐ-CP"), with the clause. */
  replaces?: Array<{ number: string | null; text: string; source: FieldSource }>;
  /** Facts the source lacks, each with the reason in Vietnamese; never guessed. */
  gaps?: DocumentGap[];
}

/** A header fact that may be missing from a source. */
export type HeaderFact = 'issuer' | 'number' | 'date' | 'place' | 'type' | 'title' | 'signer' | 'recipients';

/** A fact the source does not give: "date", "Phần đầu văn bản không ghi ngày ban hành." */
export interface DocumentGap {
  field: HeaderFact;
  reason: string;
}

/** A parsed document in the corpus. */
export interface CorpusDocument {
  /** Slug, stable: from the expected registry when the file is listed there, else from the file name. */
  id: string;
  type: DocumentType;
  file: string;
  format: SourceFormat;
  /** sha256 of the source file. */
  hash: string;
  header: DocumentHeader;
  /** Display title: "Kế hoạch nâng cao chất lượng cán bộ, công chức chính quyền cấp xã …". */
  title: string;
  signer: Signer | null;
  recipients: string[];
  /** The normalized text (NFC, page breaks repaired, footnotes lifted to the end). Quotes are substrings of it. */
  text: string;
  sections: Section[];
  /** Whether this document is synthetic (a test fixture); never true in `corpus/`. */
  fixture?: boolean;
}

export type UnitLevel = 'trung ương' | 'tỉnh' | 'xã';

export interface Unit {
  /** Slug: "so-noi-vu". */
  id: string;
  /** Canonical Vietnamese name: "Sở Nội vụ". */
  name: string;
  /** Abbreviations, unaccented forms, English names: ["SNV", "Sở NV", "so noi vu", "Department of Home Affairs"]. */
  aliases: string[];
  level: UnitLevel;
}

export type TaskRole = 'lead' | 'coordinating';

export type TimelineKind = 'deadline' | 'recurring' | 'conditional' | 'per-authority' | 'unspecified';

export interface Timeline {
  /** As written: "Hoàn thành trong tháng 6/2026." */
  text: string;
  kind: TimelineKind;
  /** ISO date for `deadline`: the last day of the month named. */
  due?: string;
  /** For `recurring`. */
  frequency?: 'yearly' | 'monthly' | 'quarterly' | 'continuous';
  /** For `conditional`: the event that starts it ("Sau khi Ủy ban nhân dân tỉnh phê duyệt …"). */
  trigger?: string;
  /** For a `conditional` deadline relative to its trigger: the length as written ("03 tháng"). */
  within?: string;
  /** For `recurring` yearly on a day: the day as `--MM-DD` ("trước ngày 15 tháng 12 hằng năm" → "--12-15"). */
  day?: string;
  /** For a period ("2026-2030"): ISO first day; `due` is its last day. */
  start?: string;
}

/** The verbatim place a field was read from: a line of the document. */
export interface FieldSource {
  address: string;
  /** Exactly `document.text.slice(span.start, span.end)`. */
  text: string;
  span: Span;
}

/** What one unit is asked to do in one task, as the field says it. */
export interface TaskAssignment {
  unitId: string;
  role: TaskRole;
  /** The words of the field about this unit (the whole field, or its "+" bullet). */
  duty: string;
  source: FieldSource;
}

/** An item of a plan's "Nhiệm vụ, giải pháp". */
export interface Task {
  documentId: string;
  address: string;
  number: number;
  /** The item's first sentence (its body up to the field lines), verbatim. */
  title: string;
  /** The whole item text, fields included. */
  text: string;
  /** Unit ids. */
  lead: string[];
  coordinating: string[];
  assignments: TaskAssignment[];
  timeline: Timeline;
  sources: {
    title: FieldSource;
    lead: FieldSource | null;
    coordinating: FieldSource | null;
    timeline: FieldSource | null;
  };
  footnotes: string[];
}

/** A document cited by a corpus document. */
export interface Reference {
  /** Slug of the number: "18-ct-ttg". */
  id: string;
  /** "18/CT-TTg" */
  number: string;
  /** "Chỉ thị", "Nghị quyết", "Thông báo", "Văn bản" as written before the number. */
  typeText: string;
  /** ISO date or null. */
  date: string | null;
  issuer: string | null;
  /** "về nâng cao chất lượng …", or null when the text gives none. */
  subject: string | null;
  /** Where it is cited: document id, address and the verbatim sentence. */
  citedIn: Array<{ documentId: string; address: string; quote: string; span: Span }>;
  /** Id of the corpus document holding its text, or null when not loaded. */
  loadedAs: string | null;
}

/** A document the assistant expects, from `corpus/registry.json`. */
export interface ExpectedDocument {
  id: string;
  type: DocumentType;
  number: string | null;
  date: string | null;
  issuer: string | null;
  title: string;
  /** File in `corpus/` that holds it, when present. */
  file: string | null;
  /** Other names users may type: "Chỉ thị 18", "khung năng lực". */
  aliases?: string[];
  /** Where the file was copied from, byte for byte, when it comes from a public repository. */
  source?: DocumentSource;
  /** What the source file is known to lack (from where it was obtained); recorded, never filled in. */
  knownGaps?: KnownGap[];
}

/** A public repository file a corpus file was copied from. */
export interface DocumentSource {
  /** "owner/name" on GitHub. */
  repository: string;
  /** Path of the file in that repository. */
  path: string;
  /** The commit it was copied at (as recorded, possibly abbreviated). */
  commit: string;
}

/** A part the source file lacks: a header fact, or its appendices. */
export interface KnownGap {
  field: HeaderFact | 'appendices';
  /** Why, in Vietnamese. */
  reason: string;
}

export interface ExpectedDocumentStatus extends ExpectedDocument {
  present: boolean;
}

/** What is indexed for retrieval: a passage with the heading path as context. */
export interface Chunk {
  /** `${documentId}#${address}` plus `~n` when an item is split. */
  id: string;
  documentId: string;
  address: string;
  /** The passage, verbatim from the normalized text. */
  text: string;
  span: Span;
  /** Heading path joined, prepended for embedding and lexical matching (not part of quotes). */
  context: string;
  kind: SectionKind;
}

/**
 * Who must do what, by when — from any document (SPEC: Obligation): a plan's task fields, a task
 * table row, a directive's addressee block, a regulation clause naming who must, approves or
 * is responsible.
 */
export type ObligationRole = 'lead' | 'coordinating' | 'responsible' | 'approves' | 'reports-to' | 'implements';

export interface Obligation {
  /** Stable: `${documentId}#${address}#${index within the address}`. */
  id: string;
  documentId: string;
  /** The section it was read from ("II.5", "dieu.26.khoan.1", "table.1.row.4"). */
  address: string;
  /** Unit ids (into `Registry.units`). */
  actors: string[];
  role: ObligationRole;
  /** The action, verbatim from the text. */
  action: string;
  timeline: Timeline;
  /** The task this belongs to, when it is a task's field (`Task.address`). */
  taskAddress?: string;
  sources: {
    actor: FieldSource;
    action: FieldSource;
    timeline: FieldSource | null;
  };
}

/** The structured registry built at ingest. */
export interface Registry {
  documents: CorpusDocument[];
  tasks: Task[];
  /** Every obligation of every document, tasks' fields included. */
  obligations: Obligation[];
  units: Unit[];
  references: Reference[];
  expected: ExpectedDocumentStatus[];
  skipped: SkippedFile[];
}

/** How an index was built; the server refuses an index whose manifest does not match its config. */
export interface IndexManifest {
  formatVersion: number;
  createdAt: string;
  embedder: { id: string; dimensions: number };
  normalizerVersion: string;
  files: Array<{ file: string; hash: string; documentId: string | null }>;
  counts: { documents: number; sections: number; tasks: number; references: number; chunks: number; missing: number };
}

/** A hit from one of the two indexes, before fusion. Higher score is better. */
export interface IndexHit {
  chunkId: string;
  score: number;
}

/**
 * An index loaded in memory (built by `ingest/store/index-reader.ts`): the registry, the chunks,
 * and the two searchers. The answer core depends on this and nothing lower.
 */
/**
 * The corpus's words, collected at ingest beside the lexical index, for the answer core's
 * lexicon (so it need not re-tokenize every chunk on the first question).
 */
export interface CorpusWords {
  /** Folded clause syllable → number of chunks (text or context) holding it, in order of first occurrence. */
  syllableChunks: Map<string, number>;
  /** Whether two folded syllables ("nang luc") stand next to each other within a clause of some chunk. */
  hasPair(pair: string): boolean;
  /** Postings (text and heading fields) of a pair term: how many chunks write the pair, near enough; 0 when none. */
  pairChunks?(pair: string): number;
  /** Lowercase word tokens with their diacritics ("lượng"). */
  accented: Set<string>;
}

export interface LoadedIndex {
  manifest: IndexManifest;
  registry: Registry;
  chunks: Chunk[];
  chunkById: Map<string, Chunk>;
  /** BM25+ over folded syllables and syllable pairs. */
  searchLexical(query: string, k: number, documentId?: string): IndexHit[];
  /** HNSWLib nearest neighbours of the query's embedding; score is cosine similarity. */
  searchVector(query: string, k: number, documentId?: string): Promise<IndexHit[]>;
  /**
   * How many candidates every vector search explores (hnswlib's ef), when known: two searches
   * of the same query for up to this many hits explore the same candidates.
   */
  readonly vectorSearchBreadth?: number;
  /**
   * The LangChain vector store, for a LangChain retriever. Over the same graph as
   * `searchVector`; may be made on first access (a document object per chunk costs memory).
   */
  readonly vectorStore: import('@langchain/community/vectorstores/hnswlib').HNSWLib;
  /** The corpus's words, when the index holds them (made on first access). */
  readonly words?: CorpusWords;
  /** The embedder the index was built with. */
  embeddings: import('@langchain/core/embeddings').Embeddings;
}
