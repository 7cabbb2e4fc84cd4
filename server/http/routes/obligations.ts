/**
 * What the loaded documents ask of a unit: `GET /api/obligations` (JSON), `/api/obligations.csv`
 * and `/api/obligations.ics`, all with the same filters. The core filters by unit, document and
 * role; the timeline kind and the due-date window are applied here, as for the task list.
 */
import { Router } from 'express';
import { resolveUnit } from '../../../ingest/extract/index.js';
import { formatOptionalDate } from '../../core/answer/format.js';
import { toObligationDisplay } from '../../core/catalog/display.js';
import type { ObligationView, PlanAssistant } from '../../core/types.js';
import { obligationsToCsv, obligationsToIcs } from '../export/obligations.js';
import { obligationFilterSchema, parseInput, type ObligationFilterQuery } from '../schemas.js';

export interface ObligationRouteDeps {
  getAssistant: () => PlanAssistant;
  now: () => Date;
}

/** Keeps the obligations of the kind asked for and, when a window is given, those due inside it. */
export function withinTimeline(obligations: readonly ObligationView[], query: ObligationFilterQuery): ObligationView[] {
  return obligations.filter((item) => {
    if (query.kind && item.timeline.kind !== query.kind) return false;
    if (!query.dueBefore && !query.dueAfter) return true;
    const due = item.timeline.due;
    if (!due) return false;
    return (!query.dueBefore || due <= query.dueBefore) && (!query.dueAfter || due >= query.dueAfter);
  });
}

/** A document's year: stated in the header, else its issue date's, else this year. */
function documentYears(assistant: PlanAssistant, now: Date): (documentId: string) => number {
  return (documentId) => {
    const { header } = assistant.getDocument(documentId);
    const fromDate = header.issuedDate ? Number(header.issuedDate.slice(0, 4)) : null;
    return header.year ?? fromDate ?? now.getUTCFullYear();
  };
}

/** Builds the router for the obligation endpoints. */
export function obligationRouter(deps: ObligationRouteDeps): Router {
  const router = Router();
  const listFiltered = (raw: unknown) => {
    const query = parseInput(obligationFilterSchema, raw);
    const assistant = deps.getAssistant();
    const found = assistant.listObligations({ unit: query.unit, documentId: query.documentId, role: query.role });
    return { assistant, query, obligations: withinTimeline(found, query) };
  };

  router.get('/api/obligations', (req, res) => {
    const { assistant, query, obligations } = listFiltered(req.query);
    const unit = query.unit ? resolveUnit(query.unit, assistant.listUnits()) : undefined;
    res.json({
      unit: unit ? { name: unit.name, aliases: unit.aliases } : null,
      // The date window as read, also as text, so the page can show it as the documents write dates.
      window: { dueAfterText: formatOptionalDate(query.dueAfter), dueBeforeText: formatOptionalDate(query.dueBefore) },
      obligations: obligations.map((item) => {
        const shown = toObligationDisplay(item);
        return { ...shown, source: shown.sources.action };
      }),
    });
  });

  router.get('/api/obligations.csv', (req, res) => {
    const { obligations } = listFiltered(req.query);
    res.type('text/csv; charset=utf-8').attachment('viec-cua-don-vi.csv').send(obligationsToCsv(obligations));
  });

  router.get('/api/obligations.ics', (req, res) => {
    const { assistant, obligations } = listFiltered(req.query);
    const now = deps.now();
    const body = obligationsToIcs(obligations, { now, documentYear: documentYears(assistant, now) });
    res.type('text/calendar; charset=utf-8').attachment('viec-cua-don-vi.ics').send(body);
  });

  return router;
}
