/** Tool annotations: every tool here only reads the indexed corpus, never the outside world. */
import type { ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';

/** Read-only, closed-world annotations; `idempotent` when the same call always gives the same result. */
export function readOnlyAnnotations(title: string, idempotent = true): ToolAnnotations {
  return { title, readOnlyHint: true, openWorldHint: false, idempotentHint: idempotent };
}
