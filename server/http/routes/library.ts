/**
 * Read-only views of the corpus: health, search, units, documents, sections and references.
 * Each handler validates its input, asks the assistant, and renders JSON — nothing more.
 */
import { Router } from 'express';
import { shortNamesOf, toExpectedView, toReferenceView, toSearchHitView } from '../../core/catalog/display.js';
import { toDocumentDetail } from '../../core/catalog/views.js';
import type { PlanAssistant } from '../../core/types.js';
import { documentParamsSchema, parseInput, searchQuerySchema, sectionParamsSchema } from '../schemas.js';

/** Builds the router for the library endpoints. */
export function libraryRouter(deps: { getAssistant: () => PlanAssistant }): Router {
  const router = Router();

  router.get('/healthz', (_req, res) => {
    const stats = deps.getAssistant().stats();
    res.json({ status: 'ok', documents: stats.documents, sections: stats.sections, tasks: stats.tasks });
  });

  router.get('/api/search', async (req, res) => {
    const { q, k, documentId } = parseInput(searchQuerySchema, req.query);
    const assistant = deps.getAssistant();
    const shortNames = shortNamesOf(assistant.listDocuments().documents);
    const hits = await assistant.search(q, { k, documentId });
    res.json({ query: q, hits: hits.map((hit) => toSearchHitView(hit, shortNames)) });
  });

  router.get('/api/units', (_req, res) => {
    res.json({ units: deps.getAssistant().listUnits() });
  });

  router.get('/api/documents', (_req, res) => {
    const { documents, expected } = deps.getAssistant().listDocuments();
    res.json({ documents, expected: expected.map(toExpectedView) });
  });

  router.get('/api/documents/:id', (req, res) => {
    const { id } = parseInput(documentParamsSchema, req.params);
    res.json(toDocumentDetail(deps.getAssistant().getDocument(id)));
  });

  router.get('/api/documents/:id/sections/:address', (req, res) => {
    const { id, address } = parseInput(sectionParamsSchema, req.params);
    res.json(deps.getAssistant().getSection(id, address));
  });

  router.get('/api/references', (_req, res) => {
    res.json({ references: deps.getAssistant().listReferences().map(toReferenceView) });
  });

  return router;
}
