/**
 * The intent rule table (server/core/intent/rules.ts): each rule fires, with the intent it
 * decides, on questions about at least two documents (the shipped plan and the real documents
 * of test/fixtures/real-docs, all loaded in one index); and where two rules both match, the one
 * earlier in the table wins. Questions are parsed against that index, with no answer composed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEnvironment } from '../../server/core/environment.js';
import { buildIntentContext, type PreviousTurn } from '../../server/core/intent/context.js';
import { detectIntent, detectIntentWithRule } from '../../server/core/intent/detect.js';
import { FALLBACK_RULE, INTENT_RULES, type IntentRule } from '../../server/core/intent/rules.js';
import type { Intent } from '../../server/core/intent/types.js';
import { understandQuery, type ParsedQuery, type QueryContext } from '../../server/core/query/understand.js';
import { buildRealDocsCorpus, type RealCorpus } from '../mcp/real-index.js';

let corpus: RealCorpus;
let queryContext: QueryContext;

beforeAll(async () => {
  corpus = await buildRealDocsCorpus();
  queryContext = buildEnvironment(corpus.index).query;
}, 120_000);
afterAll(() => corpus.cleanup());

const parse = (question: string): ParsedQuery => understandQuery(question, queryContext);

/** The previous turn of a follow-up: what `question` was detected as, and whether its answer had tasks. */
function previousTurn(question: string, hasTasks = true): PreviousTurn {
  return { intent: detectIntent(parse(question), null), unitId: null, hasTasks };
}

/** The document a question is about: the shipped plan or one of the real documents. */
type DocumentKey = 'plan' | 'kh-141-bac-ninh' | 'ct-012-dak-lak' | 'luat-80' | 'nd-335' | 'nd-170';

interface RuleCase {
  rule: string;
  document: DocumentKey;
  question: string;
  intent: Partial<Intent> | Record<string, unknown>;
  /** The previous question of a follow-up. */
  after?: string;
}

const CASES: RuleCase[] = [
  { rule: 'cited-document', document: 'plan', question: 'Nghị quyết 17-NQ/TU nói về gì?', intent: { kind: 'reference', issuerUnitId: null } },
  { rule: 'cited-document', document: 'kh-141-bac-ninh', question: 'Kế hoạch số 14-KH/TU ban hành ngày nào?', intent: { kind: 'reference', content: false } },
  { rule: 'cited-by-issuer', document: 'plan', question: 'Kế hoạch căn cứ văn bản nào của Bộ Nội vụ?', intent: { kind: 'reference', documents: [], issuerUnitId: 'bo-noi-vu' } },
  { rule: 'cited-by-issuer', document: 'ct-012-dak-lak', question: 'Chỉ thị 012 căn cứ văn bản nào của Chính phủ?', intent: { kind: 'reference', documents: [], issuerUnitId: 'chinh-phu' } },
  { rule: 'document-fact', document: 'plan', question: 'Ai ký kế hoạch?', intent: { kind: 'document-fact', facts: ['signer'] } },
  { rule: 'document-fact', document: 'ct-012-dak-lak', question: 'Ai ký Chỉ thị 012/CT-UBND?', intent: { kind: 'document-fact', facts: ['signer'] } },
  { rule: 'document-fact', document: 'luat-80', question: 'Luật 80/2025/QH15 thay thế luật nào?', intent: { kind: 'document-fact', facts: ['replaces'] } },
  { rule: 'document-fact', document: 'nd-335', question: 'Nghị định 335 có hiệu lực từ ngày nào?', intent: { kind: 'document-fact', facts: ['effective'] } },
  {
    rule: 'task-list',
    document: 'plan',
    question: 'Những nhiệm vụ nào có hạn trong tháng 6/2026?',
    intent: { kind: 'task-list', filter: expect.objectContaining({ dueAfter: '2026-06-01', dueBefore: '2026-06-30' }) },
  },
  { rule: 'task-list', document: 'plan', question: 'Sở Nội vụ chủ trì những nhiệm vụ nào?', intent: { kind: 'task-list', filter: expect.objectContaining({ unitId: 'so-noi-vu', role: 'lead' }) } },
  {
    rule: 'task-list',
    document: 'kh-141-bac-ninh',
    question: 'Sở Tư pháp phối hợp những nhiệm vụ nào?',
    intent: { kind: 'task-list', filter: expect.objectContaining({ unitId: 'so-tu-phap', role: 'coordinating' }) },
  },
  { rule: 'list-on-topic', document: 'plan', question: 'Những nhiệm vụ nào về chuyển đổi số?', intent: { kind: 'task', aspects: ['content'], unitId: null } },
  { rule: 'list-on-topic', document: 'kh-141-bac-ninh', question: 'Những nhiệm vụ nào về bồi dưỡng kỹ năng xây dựng pháp luật?', intent: { kind: 'task', aspects: ['content'], unitId: null } },
  { rule: 'unit-timeline-kind', document: 'plan', question: 'Nhiệm vụ thường xuyên của UBND xã', intent: { kind: 'task-list', filter: expect.objectContaining({ unitId: 'ubnd-xa', kind: 'recurring' }) } },
  {
    rule: 'unit-timeline-kind',
    document: 'kh-141-bac-ninh',
    question: 'Nhiệm vụ thường xuyên của Sở Tư pháp',
    intent: { kind: 'task-list', filter: expect.objectContaining({ unitId: 'so-tu-phap', kind: 'recurring' }) },
  },
  { rule: 'unit-duties', document: 'plan', question: 'Sở Nội vụ làm gì?', intent: { kind: 'unit-duties', unitId: 'so-noi-vu' } },
  { rule: 'unit-duties', document: 'ct-012-dak-lak', question: 'Văn phòng UBND tỉnh làm gì?', intent: { kind: 'unit-duties', unitId: 'van-phong-uy-ban-nhan-dan-tinh' } },
  {
    rule: 'unit-duties',
    document: 'plan',
    after: 'Sở Nội vụ chủ trì những nhiệm vụ nào?',
    question: 'Thế còn UBND xã?',
    intent: { kind: 'task-list', filter: expect.objectContaining({ unitId: 'ubnd-xa', role: 'lead' }) },
  },
  {
    rule: 'unit-duties',
    document: 'kh-141-bac-ninh',
    after: 'Sở Tư pháp chủ trì những nhiệm vụ nào?',
    question: 'Thế còn Sở Tài chính?',
    intent: { kind: 'task-list', filter: expect.objectContaining({ unitId: 'so-tai-chinh', role: 'lead' }) },
  },
  { rule: 'unit-role-list', document: 'plan', question: 'Sở Nội vụ chủ trì gì?', intent: { kind: 'task-list', filter: expect.objectContaining({ unitId: 'so-noi-vu', role: 'lead' }) } },
  { rule: 'unit-role-list', document: 'kh-141-bac-ninh', question: 'Sở Tư pháp chủ trì gì?', intent: { kind: 'task-list', filter: expect.objectContaining({ unitId: 'so-tu-phap', role: 'lead' }) } },
  { rule: 'unit-duty', document: 'plan', question: 'SNV làm gì trong nhiệm vụ 4?', intent: { kind: 'task', aspects: ['unit-duty'], unitId: 'so-noi-vu' } },
  { rule: 'unit-duty', document: 'kh-141-bac-ninh', question: 'Sở Tư pháp làm gì trong nhiệm vụ 2?', intent: { kind: 'task', aspects: ['unit-duty'], unitId: 'so-tu-phap' } },
  {
    rule: 'unit-duty',
    document: 'nd-335',
    question: 'Bộ Nội vụ có trách nhiệm gì trong việc đánh giá, xếp loại chất lượng công chức?',
    intent: { kind: 'task', aspects: ['unit-duty'], unitId: 'bo-noi-vu' },
  },
  { rule: 'unit-subject-question', document: 'plan', question: 'Sở Khoa học và Công nghệ hướng dẫn gì?', intent: { kind: 'task', aspects: ['unit-duty'], unitId: 'so-khoa-hoc-cong-nghe' } },
  { rule: 'unit-subject-question', document: 'kh-141-bac-ninh', question: 'Sở Tư pháp hướng dẫn gì?', intent: { kind: 'task', aspects: ['unit-duty'], unitId: 'so-tu-phap' } },
  { rule: 'unit-in-task', document: 'plan', question: 'Trong nhiệm vụ 9, Sở Nội vụ chú trọng kiểm tra điều gì?', intent: { kind: 'task', aspects: ['unit-duty'], unitId: 'so-noi-vu' } },
  { rule: 'unit-in-task', document: 'kh-141-bac-ninh', question: 'Trong nhiệm vụ 4, Sở Tư pháp chú trọng điều gì?', intent: { kind: 'task', aspects: ['unit-duty'], unitId: 'so-tu-phap' } },
  { rule: 'task-by-subject', document: 'plan', question: 'Nhiệm vụ về chuyển đổi số', intent: { kind: 'task', aspects: ['content'], weak: true } },
  { rule: 'task-by-subject', document: 'kh-141-bac-ninh', question: 'Nhiệm vụ về tuyên truyền, phổ biến pháp luật', intent: { kind: 'task', aspects: ['content'], weak: true } },
  { rule: 'content-on-topic', document: 'plan', question: 'Kế hoạch nói gì về cập nhật cơ sở dữ liệu?', intent: { kind: 'content' } },
  { rule: 'content-on-topic', document: 'ct-012-dak-lak', question: 'Chỉ thị 012 nói gì về đánh giá công chức?', intent: { kind: 'content' } },
  { rule: 'document-overview', document: 'plan', question: 'Kế hoạch này nói về gì?', intent: { kind: 'document-fact', facts: ['overview'] } },
  { rule: 'document-overview', document: 'ct-012-dak-lak', question: 'Chỉ thị 012 nói về gì?', intent: { kind: 'document-fact', facts: ['overview'] } },
  { rule: 'document-overview', document: 'kh-141-bac-ninh', question: 'Kế hoạch 141 nói về gì?', intent: { kind: 'document-fact', facts: ['overview'] } },
  { rule: 'task-aspect', document: 'plan', question: 'Hạn chót nhiệm vụ 4?', intent: { kind: 'task', aspects: ['deadline'] } },
  { rule: 'task-aspect', document: 'kh-141-bac-ninh', question: 'Ai chủ trì nhiệm vụ 7?', intent: { kind: 'task', aspects: ['lead'] } },
  { rule: 'task-aspect', document: 'nd-335', question: 'Thời điểm xếp loại chất lượng công chức hằng năm là khi nào?', intent: { kind: 'task', aspects: ['deadline'] } },
  { rule: 'who-on-topic', document: 'plan', question: 'Ai tổng hợp, báo cáo kết quả thực hiện?', intent: { kind: 'task', aspects: ['lead'], weak: true } },
  { rule: 'who-on-topic', document: 'nd-335', question: 'Ai đánh giá xếp loại chất lượng công chức?', intent: { kind: 'task', aspects: ['lead'], weak: true } },
  { rule: 'task-reference', document: 'plan', question: 'Mục II.3', intent: { kind: 'task', aspects: ['content'] } },
  { rule: 'task-reference', document: 'kh-141-bac-ninh', question: 'Nhiệm vụ 7?', intent: { kind: 'task', aspects: ['content'] } },
  { rule: 'task-reference', document: 'plan', after: 'Ai chủ trì nhiệm vụ 4?', question: 'Còn nhiệm vụ 5?', intent: { kind: 'task', aspects: ['lead'] } },
  { rule: 'task-reference', document: 'kh-141-bac-ninh', after: 'Hạn chót nhiệm vụ 7?', question: 'Còn nhiệm vụ 8?', intent: { kind: 'task', aspects: ['deadline'] } },
  { rule: FALLBACK_RULE, document: 'plan', question: 'Tiêu chuẩn chức danh chủ tịch UBND xã?', intent: { kind: 'content' } },
  { rule: FALLBACK_RULE, document: 'luat-80', question: 'Điều 44', intent: { kind: 'content' } },
  { rule: FALLBACK_RULE, document: 'nd-335', question: 'Khoản 2 Điều 19', intent: { kind: 'content' } },
];

describe('each rule of the table', () => {
  it.each(CASES)('$rule ($document): $question', ({ rule, question, intent, after }) => {
    const detected = detectIntentWithRule(parse(question), after ? previousTurn(after) : null);
    expect(detected.rule).toBe(rule);
    expect(detected.intent).toMatchObject(intent);
  });

  it('every rule, and the fallback, is exercised on the plan and on at least one real document', () => {
    for (const name of [...INTENT_RULES.map((rule) => rule.name), FALLBACK_RULE]) {
      const documents = new Set(CASES.filter((item) => item.rule === name).map((item) => item.document));
      expect(documents.has('plan'), name).toBe(true);
      expect(documents.size, name).toBeGreaterThanOrEqual(2);
    }
  });

  it('names are unique and kebab-case, each with a one-line reason', () => {
    const names = INTENT_RULES.map((rule) => rule.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).not.toContain(FALLBACK_RULE);
    for (const rule of INTENT_RULES) {
      expect(rule.name).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      expect(rule.why.length).toBeGreaterThan(20);
      expect(rule.why).not.toContain('\n');
    }
  });
});

/** The rules that match a question on their own, in table order. */
function matchingRules(question: string): string[] {
  const context = buildIntentContext(parse(question), null);
  return INTENT_RULES.filter((rule) => rule.match(context) !== null).map((rule) => rule.name);
}

/** The intent one rule alone would decide for a question. */
function intentOfRule(name: string, question: string): Intent | null {
  const rule = INTENT_RULES.find((item) => item.name === name) as IntentRule;
  return rule.match(buildIntentContext(parse(question), null));
}

describe('the order of the table', () => {
  it.each([
    // A signer cue about a cited document describes that document, not the loaded one's signer.
    ['Ai ký Nghị quyết 17-NQ/TU?', 'cited-document', 'document-fact'],
    ['Ai ký Kế hoạch số 14-KH/TU?', 'cited-document', 'document-fact'],
    // A unit's list of tasks in a role is one list, not the lead of one task.
    ['Sở Nội vụ chủ trì những nhiệm vụ nào?', 'task-list', 'task-aspect'],
    ['Sở Tư pháp phối hợp những nhiệm vụ nào?', 'task-list', 'task-aspect'],
    // "X làm gì?" asks all of X's duties, not its part in one task.
    ['Sở Nội vụ làm gì?', 'unit-duties', 'unit-duty'],
    ['Sở Tư pháp làm gì?', 'unit-duties', 'task-aspect'],
    // A cue on a named task asks that fact, not what the last question asked.
    ['Ai chủ trì nhiệm vụ 4?', 'task-aspect', 'task-reference'],
    ['Hạn chót nhiệm vụ 7?', 'task-aspect', 'task-reference'],
  ])('%s: %s wins over %s', (question, earlier, later) => {
    const matching = matchingRules(question);
    expect(matching).toContain(later);
    expect(matching[0]).toBe(earlier);
    expect(detectIntentWithRule(parse(question), null).rule).toBe(earlier);
    // The later rule alone would decide something else: the order is what decides.
    expect(intentOfRule(later, question)).not.toEqual(detectIntent(parse(question), null));
  });
});
