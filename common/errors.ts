/**
 * Domain errors. The core throws these; each face maps them once (HTTP status, MCP `isError`).
 * Messages are Vietnamese, for the user; codes are English, for programs.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** An unknown task, document, section or route. */
export class NotFoundError extends DomainError {
  constructor(message: string) {
    super('not_found', message);
  }
}

/** Input that passed the type check but makes no sense (an unknown unit in a filter, a bad date). */
export class InvalidInputError extends DomainError {
  constructor(message: string) {
    super('invalid_input', message);
  }
}

/** No index on disk, or an index that cannot be read. Names the file and the command that fixes it. */
export class CorpusNotIndexedError extends DomainError {
  constructor(message: string) {
    super('corpus_not_indexed', message);
  }
}

/** The index on disk was built with another embedder or normalizer than the one configured. */
export class IndexMismatchError extends DomainError {
  constructor(message: string) {
    super('index_mismatch', message);
  }
}
