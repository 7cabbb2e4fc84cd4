/**
 * The contract of the one core that every face (HTTP API, web pages, CLI, MCP) calls.
 * Faces hold no logic of their own: they validate input, call `PlanAssistant`, and render.
 */
import type {
  CorpusDocument,
  DocumentGap,
  ExpectedDocumentStatus,
  ObligationRole,
  Reference,
  Section,
  TaskRole,
  Timeline,
  TimelineKind,
  Unit,
  UnitLevel,
} from '../../ingest/types.js';

export interface Citation {
  documentId: string;
  documentTitle: string;
  /** An address that exists in the document ("II.4"). */
  section: string;
  /** A verbatim substring of the document's normalized text. */
  quote: string;
  /** The Vietnamese label of `section` ("Điều 18 khoản 1", "mục II.4"); faces add it when the core does not. */
  label?: string;
}

export type AnswerMode = 'extractive' | 'llm';

export interface AskRequest {
  question: string;
  conversationId?: string;
  /** Answer only from this loaded document (its id); unknown ids throw `NotFoundError`. */
  documentId?: string;
}

export interface AskResponse {
  answer: string;
  citations: Citation[];
  abstained: boolean;
  conversationId: string;
  mode: AnswerMode;
  /** Detected intent, for diagnostics and the eval ("lead", "coordinating", "deadline", …). */
  intent?: string;
  /** Set when an LLM was configured but the answer fell back to extractive: why, in Vietnamese. */
  notice?: string;
  /** The intent rule that fired ("task-aspect", "unit-duties", …), for diagnostics. */
  intentRule?: string;
  /** Why the answer abstains, as a code ("foreign-words", "no-span", "pairs-unwritten", …), for diagnostics; absent when it answers. */
  abstainReason?: string;
  /** When the answer asks back which document was meant ("nhiệm vụ 4" in two plans): the places offered. */
  choices?: AskBackChoice[];
}

/** One place an ask-back offers: a document and the address in it. */
export interface AskBackChoice {
  documentId: string;
  section: string;
  /** The Vietnamese label of the place ("mục II.4"). */
  label: string;
}

/** Events of a streamed answer, in order: citations, then text deltas, then the whole response. */
export type AskEvent =
  | { type: 'citations'; citations: Citation[] }
  | { type: 'delta'; text: string }
  | { type: 'done'; response: AskResponse };

export interface SearchHit {
  documentId: string;
  documentTitle: string;
  address: string;
  text: string;
  score: number;
  /** The Vietnamese label of `address`; faces add it when the core does not. */
  label?: string;
}

export interface UnitView {
  name: string;
  aliases: string[];
  level: UnitLevel;
}

export interface TaskView {
  documentId: string;
  address: string;
  /** The Vietnamese label of `address` ("mục II.4"). */
  label?: string;
  number: number;
  title: string;
  lead: UnitView[];
  coordinating: UnitView[];
  timeline: Timeline;
}

/** A task with the verbatim source of each field. */
export interface TaskDetail extends TaskView {
  text: string;
  assignments: Array<{ unit: UnitView; role: TaskRole; duty: string; quote: string; section: string }>;
  sources: {
    title: { section: string; quote: string };
    lead: { section: string; quote: string } | null;
    coordinating: { section: string; quote: string } | null;
    timeline: { section: string; quote: string } | null;
  };
  footnotes: Array<{ section: string; text: string }>;
}

export interface TaskFilter {
  /** Any alias of a unit, with or without diacritics ("so noi vu", "SNV"). */
  unit?: string;
  role?: TaskRole | 'any';
  /** ISO dates, inclusive. */
  dueBefore?: string;
  dueAfter?: string;
  kind?: TimelineKind;
  documentId?: string;
}

/** A place in a document and the text read there, verbatim; `label` is the Vietnamese name of the address. */
export interface PlaceQuote {
  section: string;
  label: string;
  quote: string;
}

/** An obligation as faces show it: who must do what, by when, in which document and where. */
export interface ObligationView {
  id: string;
  documentId: string;
  /** How the document is named briefly: "NĐ 335/2025", "KH 141", "Luật 80/2025"; the type name when it has no number. */
  documentShortName: string;
  documentTitle: string;
  /** The section it was read from ("dieu.7.khoan.2") and its label ("Điều 7 khoản 2"). */
  address: string;
  label: string;
  role: ObligationRole;
  /** The action, verbatim. */
  action: string;
  timeline: Timeline;
  units: UnitView[];
  /** The task it belongs to, when it is a task's field. */
  taskAddress?: string;
  sources: { actor: PlaceQuote; action: PlaceQuote; timeline: PlaceQuote | null };
}

export interface ObligationFilter {
  /** Any alias of a unit, with or without diacritics ("so noi vu", "SNV"). */
  unit?: string;
  /** A loaded document's id; throws `NotFoundError` when none has it. */
  documentId?: string;
  role?: ObligationRole;
}

/** The signer as faces show it: the position is the role line ("Phó Chủ tịch"). */
export interface SignerView {
  name: string | null;
  position: string | null;
  /** "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH" … as written. */
  authority: string[];
}

/** A document's header facts, read from its own text; what the source lacks is in `gaps`. */
export interface DocumentFacts {
  type: CorpusDocument['type'];
  title: string;
  number: string | null;
  issuedDate: string | null;
  issuer: string | null;
  issuerParent: string | null;
  place: string | null;
  signer: SignerView | null;
  recipients: string[];
  bases: string[];
  effectiveDate: string | null;
  /** The clause stating the effective date, verbatim, and its section. */
  effectiveSource: { section: string; quote: string } | null;
  replaces: Array<{ number: string | null; section: string; quote: string }>;
  /** Where facts not read from the header came from ("date" → the "Kèm theo …" line). */
  factSources: Record<string, { section: string; quote: string }>;
  gaps: DocumentGap[];
}

export interface DocumentSummary extends DocumentFacts {
  id: string;
  file: string;
  sections: number;
}

export interface IndexStats {
  documents: number;
  sections: number;
  tasks: number;
  chunks: number;
  builtAt: string;
  embedder: string;
}

/** The use-case layer. Implemented in `server/core/assistant.ts`. */
export interface PlanAssistant {
  ask(request: AskRequest, options?: { signal?: AbortSignal }): Promise<AskResponse>;
  /** The same answer as a stream of events; the last event is `done`. */
  askStream(request: AskRequest, options?: { signal?: AbortSignal }): AsyncIterable<AskEvent>;
  search(query: string, options?: { k?: number; documentId?: string }): Promise<SearchHit[]>;
  listTasks(filter?: TaskFilter): TaskView[];
  /** By address ("II.4") or number ("4"); throws `NotFoundError`. */
  getTask(addressOrNumber: string, documentId?: string): TaskDetail;
  listUnits(): Unit[];
  /** Obligations of every loaded document in corpus order; throws `InvalidInputError` for an unknown unit. */
  listObligations(filter?: ObligationFilter): ObligationView[];
  listDocuments(): { documents: DocumentSummary[]; expected: ExpectedDocumentStatus[] };
  /** Throws `NotFoundError`. */
  getDocument(id: string): CorpusDocument;
  /** Throws `NotFoundError`. */
  getSection(documentId: string, address: string): Section;
  listReferences(): Reference[];
  stats(): IndexStats;
}
