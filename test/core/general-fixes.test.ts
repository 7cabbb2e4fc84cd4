/**
 * Regressions for the general fixes found with the held-out eval set: each test asks a
 * wording of its own (not the held-out one) of the same KIND of question.
 */
import { describe, expect, it } from 'vitest';
import { hasFigure } from '../../server/core/decide/support.js';
import type { AskResponse } from '../../server/core/types.js';
import { useShippedAssistant } from './shipped-index.js';

const { ask } = useShippedAssistant();

const sections = (response: AskResponse): string[] => response.citations.map((citation) => citation.section);

describe('amounts', () => {
  it('counts only figures beyond dates and document numbers', () => {
    expect(hasFigure('Ninh Bình, ngày tháng năm 2026')).toBe(false);
    expect(hasFigure('Hoàn thành trong tháng 6/2026, theo Chỉ thị số 18/CT-TTg ngày 08/5/2026')).toBe(false);
    expect(hasFigure('vận hành chính quyền địa phương 02 cấp')).toBe(true);
  });

  it('abstains on a count the plan does not give, even when a dated passage matches', async () => {
    expect((await ask('Tỉnh Ninh Bình có bao nhiêu phường?')).abstained).toBe(true);
  });
});

describe('part-level answers', () => {
  it('answers a part heading with every paragraph of the part', async () => {
    const response = await ask('Yêu cầu của kế hoạch là gì?');
    expect(response.abstained).toBe(false);
    expect(sections(response)).toEqual(expect.arrayContaining(['I.1', 'I.2', 'I.3']));
  });

  it('covers part III the same way', async () => {
    const response = await ask('to chuc thuc hien ke hoach the nao');
    expect(sections(response)).toEqual(expect.arrayContaining(['III.1', 'III.2', 'III.3']));
  });
});

describe('validity', () => {
  it('abstains: the plan states no validity period', async () => {
    expect((await ask('Kế hoạch hết hiệu lực khi nào?')).abstained).toBe(true);
  });
});

describe('task resolution', () => {
  it('resolves "nhiệm vụ về X" to the task about X', async () => {
    const response = await ask('Nhiệm vụ về tuyển dụng công chức');
    expect(sections(response)).toContain('II.8');
  });

  it('does not take a task for a subject it never mentions', async () => {
    expect((await ask('Hạn chót sắp xếp đơn vị hành chính cấp xã?')).abstained).toBe(true);
  });

  it('answers what a unit named in full does in a numbered task', async () => {
    const response = await ask('Ở nhiệm vụ 10, Sở Tài chính tham mưu điều gì?');
    expect(sections(response)).toContain('II.10');
    expect(response.answer).toMatch(/cân đối ngân sách/);
  });

  it('names the partner when the unit asked about coordinates', async () => {
    const response = await ask('UBND xã phối hợp với cơ quan nào trong việc tuyển dụng công chức?');
    expect(sections(response)).toContain('II.8');
    expect(response.answer).toMatch(/Sở Nội vụ/);
  });

  it('lists the tasks of a unit and role asked with "việc gì"', async () => {
    const response = await ask('ubnd xa phai chu tri nhung viec gi');
    expect(sections(response)).toEqual(expect.arrayContaining(['II.2', 'II.3', 'II.7', 'II.9', 'II.10']));
  });

  it('reads "T6" as June', async () => {
    const response = await ask('nv nào có hạn T6?');
    expect(sections(response)).toEqual(expect.arrayContaining(['II.2', 'II.3', 'II.4']));
  });
});

describe('follow-ups that point back', () => {
  it('"việc này" refers to the previous task even when a unit is named', async () => {
    const first = await ask('Nhiệm vụ tinh giản biên chế cán bộ năng lực yếu kém');
    expect(sections(first)).toContain('II.7');
    const second = await ask('Xã phối hợp với ai trong việc này?', first.conversationId);
    expect(sections(second)).toContain('II.7');
  });

  it('"các nhiệm vụ đó" asks about the listed tasks, not for a new list', async () => {
    const first = await ask('Sở Nội vụ chủ trì những nhiệm vụ nào?');
    const second = await ask('Thời hạn của các nhiệm vụ đó?', first.conversationId);
    expect(sections(second)).toEqual(expect.arrayContaining(['II.4', 'II.5', 'II.6', 'II.8']));
    expect(second.answer).toMatch(/6\/2026/);
  });
});
