/**
 * The task registry: `GET /api/tasks` (JSON), `/api/tasks.csv`, `/api/tasks.ics` (same filters)
 * and `GET /api/tasks/:address` (by address "II.4" or number "4").
 */
import { Router } from 'express';
import type { PlanAssistant, TaskFilter } from '../../core/types.js';
import { tasksToCsv } from '../export/csv.js';
import { tasksToIcs } from '../export/ics.js';
import { parseInput, taskDetailQuerySchema, taskFilterSchema, taskParamsSchema } from '../schemas.js';

export interface TaskRouteDeps {
  getAssistant: () => PlanAssistant;
  now: () => Date;
}

function documentTitles(assistant: PlanAssistant): (documentId: string) => string {
  const titles = new Map(assistant.listDocuments().documents.map((document) => [document.id, document.title]));
  return (documentId) => titles.get(documentId) ?? documentId;
}

/** The plan's year: stated in the header even when the day and month are left blank. */
function planYears(assistant: PlanAssistant, now: Date): (documentId: string) => number {
  return (documentId) => {
    const { header } = assistant.getDocument(documentId);
    const fromDate = header.issuedDate ? Number(header.issuedDate.slice(0, 4)) : null;
    return header.year ?? fromDate ?? now.getUTCFullYear();
  };
}

/** Builds the router for the task endpoints. */
export function taskRouter(deps: TaskRouteDeps): Router {
  const router = Router();
  const listFiltered = (query: unknown) => {
    const filter: TaskFilter = parseInput(taskFilterSchema, query);
    const assistant = deps.getAssistant();
    return { assistant, tasks: assistant.listTasks(filter) };
  };

  router.get('/api/tasks', (req, res) => {
    res.json({ tasks: listFiltered(req.query).tasks });
  });

  router.get('/api/tasks.csv', (req, res) => {
    const { assistant, tasks } = listFiltered(req.query);
    res
      .type('text/csv; charset=utf-8')
      .attachment('nhiem-vu.csv')
      .send(tasksToCsv(tasks, documentTitles(assistant)));
  });

  router.get('/api/tasks.ics', (req, res) => {
    const { assistant, tasks } = listFiltered(req.query);
    const now = deps.now();
    const body = tasksToIcs(tasks, { now, documentTitle: documentTitles(assistant), planYear: planYears(assistant, now) });
    res.type('text/calendar; charset=utf-8').attachment('nhiem-vu.ics').send(body);
  });

  router.get('/api/tasks/:address', (req, res) => {
    const { address } = parseInput(taskParamsSchema, req.params);
    const { documentId } = parseInput(taskDetailQuerySchema, req.query);
    res.json(deps.getAssistant().getTask(address, documentId));
  });

  return router;
}
