/**
 * A plan item holding several activities, each with its own field lines, answers a question
 * about one activity from that activity's fields (not the units of all of them), and a "who …
 * and by when" question gets both. Measured on Kế hoạch 141 of Bắc Ninh (test/fixtures/real-docs)
 * and on a synthetic plan (test/fixtures/ke-hoach-nhieu-hoat-dong-synthetic.txt).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestedCorpus, type RealCorpus } from '../mcp/real-index.js';
import { citationProblems } from '../eval/scorer.js';
import { useRealDocsAssistant } from './shipped-index.js';

const PLAN_141 = 'ke-hoach-141-kh-ubnd-2025-bac-ninh';
const SYNTHETIC = fileURLToPath(new URL('../fixtures/ke-hoach-nhieu-hoat-dong-synthetic.txt', import.meta.url));

describe('Kế hoạch 141: one activity of an item', () => {
  const { ask } = useRealDocsAssistant();

  it('names the lead of the training activity of III.4, not the other activities’ leads', async () => {
    const response = await ask('Theo Kế hoạch 141, đơn vị nào chủ trì tổ chức tập huấn, bồi dưỡng kiến thức, kỹ năng xây dựng pháp luật?');
    expect(response.citations.map((citation) => `${citation.documentId}#${citation.section}`)).toContain(`${PLAN_141}#III.4`);
    expect(response.answer).toContain('Sở Tư pháp');
    expect(response.answer).not.toContain('Sở Nội vụ');
  });

  it('keeps the activity for a follow-up on its deadline (III.7, the AI launch)', async () => {
    const first = await ask('Theo Kế hoạch 141, đơn vị nào chủ trì ra mắt AI pháp luật hỗ trợ cán bộ, công chức?', 'activity-follow-up');
    expect(first.answer).toContain('Sở Khoa học và Công nghệ');
    const then = await ask('Còn hạn hoàn thành việc đó là khi nào?', 'activity-follow-up');
    expect(then.citations.map((citation) => citation.section)).toContain('III.7');
    expect(then.answer).toMatch(/12\/2025|tháng 12/);
  });

  it('names the lead and the time of the civil-service training activity of III.4 together', async () => {
    const response = await ask('Ở Bắc Ninh, ai chủ trì nâng cao kiến thức xây dựng pháp luật trong chương trình bồi dưỡng theo tiêu chuẩn ngạch công chức, và trong thời gian nào?');
    expect(response.answer).toContain('Sở Nội vụ');
    expect(response.answer).toContain('Kế hoạch bồi dưỡng công chức, viên chức hàng năm');
    expect(response.answer).not.toContain('Sở Tư pháp tham mưu');
  });
});

describe('a question naming a plan by its title', () => {
  const { ask } = useRealDocsAssistant();

  it('finds the task by the words beside the title, which every task of the plan shares (Kế hoạch 141)', async () => {
    const response = await ask('Trong kế hoạch nâng cao năng lực cán bộ, công chức xây dựng chính sách, pháp luật của Bắc Ninh, đơn vị nào chủ trì ra mắt AI pháp luật?');
    expect(response.citations.map((citation) => `${citation.documentId}#${citation.section}`)).toContain(`${PLAN_141}#III.7`);
    expect(response.answer).toContain('Sở Khoa học và Công nghệ');
  });

  it('still finds the task of the shipped plan named by its title', async () => {
    const response = await ask('Theo kế hoạch nâng cao chất lượng cán bộ, công chức chính quyền cấp xã, ai chủ trì việc tuyển dụng để bổ sung nguồn nhân lực?');
    expect(response.citations.map((citation) => citation.section)).toContain('II.8');
    expect(response.answer).toContain('Sở Nội vụ');
  });
});

describe('a synthetic plan item with two activities', () => {
  let corpus: RealCorpus;
  beforeAll(async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'activities-'));
    const corpusDir = path.join(root, 'corpus');
    await fs.mkdir(corpusDir);
    await fs.copyFile(SYNTHETIC, path.join(corpusDir, path.basename(SYNTHETIC)));
    corpus = await ingestedCorpus(root, corpusDir);
  }, 60_000);
  afterAll(() => corpus.cleanup());
  const ask = async (question: string, conversationId?: string) => {
    const response = await corpus.assistant.ask({ question, conversationId });
    expect(citationProblems(response, corpus.index.registry)).toEqual([]);
    return response;
  };

  it('keeps both activities’ units on the task', () => {
    const [task] = corpus.index.registry.tasks;
    expect(task.lead).toHaveLength(2);
  });

  it('answers each activity from its own fields', async () => {
    const training = await ask('Ai chủ trì việc phục chế giấy cũ cho người giữ kho?');
    expect(training.answer).toContain('Sở Khoa học và Công nghệ');
    expect(training.answer).not.toContain('Sở Văn hóa');
    const partners = await ask('Kiểm kê hiện vật mẫu, lập sổ theo dõi thì đơn vị nào phối hợp?');
    expect(partners.answer).toContain('Sở Tài chính');
    expect(partners.answer).not.toContain('Trường Cao đẳng');
  });

  it('keeps the activity for a follow-up', async () => {
    await ask('Ai chủ trì việc phục chế giấy cũ cho người giữ kho?', 'synthetic-follow-up');
    const then = await ask('Thời gian thực hiện việc đó thế nào?', 'synthetic-follow-up');
    expect(then.answer).toContain('Hằng năm');
    expect(then.answer).not.toContain('tháng 6/2026');
  });

  it('gives the lead and the time when "who … and by when" is asked', async () => {
    const response = await ask('Ai kiểm kê hiện vật mẫu trong kho lưu trữ, và trong thời gian nào?');
    expect(response.answer).toContain('Sở Văn hóa, Thể thao và Du lịch');
    expect(response.answer).toMatch(/tháng 6\/2026/);
  });
});
