/**
 * Tool `list_unit_obligations`: everything the loaded documents ask of one unit, grouped by
 * document — role, action, timeline, the place (its Vietnamese label) and the verbatim source.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { ObligationRole } from '../../../ingest/types.js';
import type { ObligationView } from '../../core/types.js';
import type { McpDeps } from '../deps.js';
import { resolveOptionalDocumentRef } from '../document-ref.js';
import { ROLE_TEXT } from '../../core/catalog/display.js';
import { roleWords, timelineText, timelineToOutput, unitToOutput } from '../format.js';
import { documentIdInput, timelineOutput, unitOutput } from '../schemas.js';
import { runTool, toolSuccess } from '../tool-result.js';
import { canonicalUnitName } from '../unit-name.js';
import { readOnlyAnnotations } from './annotations.js';

const ROLES = ['lead', 'coordinating', 'responsible', 'approves', 'reports-to', 'implements'] as const satisfies readonly ObligationRole[];

const inputSchema = {
  unit: z
    .string()
    .trim()
    .min(1, 'Cần cho biết đơn vị.')
    .max(200)
    .describe('The unit, by any name or abbreviation, with or without diacritics: "Sở Nội vụ", "so noi vu", "SNV", "UBND cấp xã".'),
  documentId: documentIdInput('Only obligations of this document. Omit for every loaded document.').optional(),
  role: z
    .enum(ROLES)
    .optional()
    .describe('Only this role: lead (chủ trì), coordinating (phối hợp), responsible (chịu trách nhiệm), approves (phê duyệt), reports-to (báo cáo), implements (thực hiện).'),
};

const quoteOutput = z.object({ section: z.string(), label: z.string(), quote: z.string().describe('Verbatim text of the document.') });

const obligationOutput = z.object({
  role: z.enum(ROLES),
  roleText: z.string().describe('The role as Vietnamese readers name it: "Chủ trì", "Phối hợp". Show this, not the code.'),
  action: z.string().describe('What the unit must do, verbatim.'),
  timeline: timelineOutput,
  address: z.string(),
  label: z.string().describe('The place as Vietnamese readers name it: "Điều 7 khoản 2", "mục II.4".'),
  taskAddress: z.string().optional(),
  units: z.array(unitOutput).describe('Every unit the clause names, this one included.'),
  source: quoteOutput.describe('The sentence that assigns it, verbatim.'),
  timelineSource: quoteOutput.nullable(),
});

const outputSchema = {
  unit: z.string().describe('The canonical name of the unit asked about.'),
  count: z.number(),
  documents: z.array(
    z.object({
      documentId: z.string(),
      shortName: z.string().describe('"NĐ 335/2025", "KH 141".'),
      title: z.string(),
      obligations: z.array(obligationOutput),
    }),
  ),
};

type DocumentGroup = { documentId: string; shortName: string; title: string; obligations: ObligationView[] };

/** Obligations grouped by document, in the order the core lists them (corpus order). */
export function groupByDocument(obligations: readonly ObligationView[]): DocumentGroup[] {
  const groups = new Map<string, DocumentGroup>();
  for (const item of obligations) {
    let group = groups.get(item.documentId);
    if (!group) groups.set(item.documentId, (group = { documentId: item.documentId, shortName: item.documentShortName, title: item.documentTitle, obligations: [] }));
    group.obligations.push(item);
  }
  return [...groups.values()];
}

function obligationBlock(item: ObligationView): string {
  const lines = [` - ${item.label} (${roleWords(item.role)}): ${item.action}`];
  if (item.timeline.text.trim()) lines.push(`   Thời hạn: ${timelineText(item.timeline)}`);
  const source = item.sources.action;
  if (source.quote !== item.action) lines.push(`   Nguồn (${source.label}): “${source.quote}”`);
  return lines.join('\n');
}

/** The heading with counts, then one block per document. */
export function obligationsText(unit: string, groups: readonly DocumentGroup[]): string {
  const count = groups.reduce((sum, group) => sum + group.obligations.length, 0);
  if (count === 0) return `Các văn bản đã nạp không giao việc nào cho ${unit} (theo bộ lọc đã chọn).`;
  const blocks = groups.map((group) => `${group.shortName} — ${group.title} (${group.obligations.length} việc):\n${group.obligations.map(obligationBlock).join('\n')}`);
  return `${unit}: ${count} việc trong ${groups.length} văn bản.\n\n${blocks.join('\n\n')}`;
}

function obligationToOutput(item: ObligationView): z.infer<typeof obligationOutput> {
  const output: z.infer<typeof obligationOutput> = {
    role: item.role,
    roleText: ROLE_TEXT[item.role],
    action: item.action,
    timeline: timelineToOutput(item.timeline),
    address: item.address,
    label: item.label,
    units: item.units.map(unitToOutput),
    source: { ...item.sources.action },
    timelineSource: item.sources.timeline && { ...item.sources.timeline },
  };
  if (item.taskAddress !== undefined) output.taskAddress = item.taskAddress;
  return output;
}

/** Registers `list_unit_obligations`. */
export function registerListUnitObligationsTool(server: McpServer, deps: McpDeps): void {
  server.registerTool(
    'list_unit_obligations',
    {
      title: 'Việc của đơn vị',
      description:
        'Everything the loaded documents ask of one unit (plans, directives, decrees, laws), grouped by document: the role ' +
        '(lead, coordinating, responsible, approves, reports-to, implements), the action and timeline as written, the place ' +
        '("Điều 7 khoản 2", "mục II.4") and the verbatim source. The unit may be named by any alias, diacritics optional.',
      inputSchema,
      outputSchema,
      annotations: readOnlyAnnotations('Việc của đơn vị'),
    },
    (args) =>
      runTool('list_unit_obligations', deps, () => {
        const assistant = deps.getAssistant();
        const documentId = resolveOptionalDocumentRef(assistant, args.documentId);
        const obligations = assistant.listObligations({ unit: args.unit, documentId, role: args.role });
        const unit = canonicalUnitName(assistant, args.unit);
        const groups = groupByDocument(obligations);
        return toolSuccess(obligationsText(unit, groups), {
          unit,
          count: obligations.length,
          documents: groups.map((group) => ({ ...group, obligations: group.obligations.map(obligationToOutput) })),
        });
      }),
  );
}
