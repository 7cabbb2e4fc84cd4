/**
 * Obligations, units by shape and timelines read from real documents (test/fixtures/real-docs)
 * and from a synthetic Word task table, through the loaders, the parser and buildRegistry.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildRegistry } from '../../ingest/extract/index.js';
import { loadFile } from '../../ingest/load/index.js';
import { parseDocument } from '../../ingest/parse/index.js';
import type { CorpusDocument, FieldSource, Registry } from '../../ingest/types.js';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
const FILES = {
  plan: 'real-docs/ke-hoach-141-kh-ubnd-2025-bac-ninh.md',
  directive: 'real-docs/chi-thi-012-ct-ubnd-2025-dak-lak.md',
  law: 'real-docs/luat-80-2025-qh15-can-bo-cong-chuc.md',
  decree335: 'real-docs/nghi-dinh-335-2025-nd-cp-danh-gia-xep-loai-cong-chuc.html',
  decree361: 'real-docs/nghi-dinh-361-2025-nd-cp-vi-tri-viec-lam-cong-chuc.html',
  resolution: 'real-docs/nghi-quyet-81-2025-nq-hdnd-ha-noi.md',
  table: 'obligations/bang-nhiem-vu-mau.docx',
} as const;
type Name = keyof typeof FILES;

let registry: Registry;
const docs = {} as Record<Name, CorpusDocument>;

beforeAll(async () => {
  for (const [name, file] of Object.entries(FILES) as Array<[Name, string]>) {
    const loaded = await loadFile(path.join(fixtures, file), path.dirname(path.join(fixtures, file)));
    if (!('text' in loaded)) throw new Error(`${file}: ${loaded.reason}`);
    docs[name] = parseDocument(loaded);
  }
  registry = buildRegistry(Object.values(docs), [], []);
}, 60_000);

const of = (name: Name) => registry.obligations.filter((obligation) => obligation.documentId === docs[name].id);
const unitName = (id: string) => registry.units.find((unit) => unit.id === id)?.name;
const exact = (doc: CorpusDocument, source: FieldSource | null) => {
  if (source) expect(source.text).toBe(doc.text.slice(source.span.start, source.span.end));
};
const checkSources = (name: Name) => {
  for (const obligation of of(name)) {
    exact(docs[name], obligation.sources.actor);
    exact(docs[name], obligation.sources.action);
    exact(docs[name], obligation.sources.timeline);
    expect(obligation.action).toBe(obligation.sources.action.text);
    expect(obligation.actors.every((id) => unitName(id) !== undefined)).toBe(true);
  }
};

describe('Kế hoạch 141 (Bắc Ninh): the fields of every task, whatever their label', () => {
  it('gives every task of "NHIỆM VỤ, GIẢI PHÁP" a lead, coordinating units and a time', () => {
    const tasks = registry.tasks.filter((task) => task.documentId === docs.plan.id);
    expect(tasks.map((task) => task.address)).toEqual(Array.from({ length: 9 }, (_, index) => `III.${index + 1}`));
    for (const task of tasks) {
      expect(task.lead.length, task.address).toBeGreaterThan(0);
      expect(task.coordinating.length, task.address).toBeGreaterThan(0);
      expect(task.timeline.kind, task.address).not.toBe('unspecified');
    }
  });

  it('reads each activity of a task with its own fields, one lead and one coordinating obligation', () => {
    const fromTasks = of('plan').filter((obligation) => obligation.taskAddress);
    for (const address of new Set(fromTasks.map((obligation) => obligation.taskAddress))) {
      const roles = fromTasks.filter((obligation) => obligation.taskAddress === address).map((obligation) => obligation.role);
      expect(roles.filter((role) => role === 'lead').length, address).toBe(roles.filter((role) => role === 'coordinating').length);
    }
    // "Đơn vị chủ trì tham mưu thực hiện: Sở Tư pháp." and "Đơn vị chủ trì: Sở Nội vụ." in III.4.
    const four = fromTasks.filter((obligation) => obligation.taskAddress === 'III.4' && obligation.role === 'lead');
    expect(four.map((obligation) => obligation.sources.actor.text.replace(/\s+/g, ' '))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Đơn vị chủ trì tham mưu thực hiện: Sở Tư pháp/), expect.stringMatching(/^Đơn vị chủ trì: Sở Nội vụ/)]),
    );
    expect(four.map((obligation) => obligation.actors)).toEqual(expect.arrayContaining([['so-tu-phap'], ['so-noi-vu']]));
    const five = fromTasks.find((obligation) => obligation.taskAddress === 'III.5' && obligation.role === 'lead')!;
    expect(five.timeline).toMatchObject({ kind: 'deadline', due: '2030-12-31', start: '2026-01-01' });
    checkSources('plan');
  });

  it('reads the closing part: "X chủ trì, phối hợp với Y …" (lead and coordinating) and "Giao X …"', () => {
    const closing = of('plan').filter((obligation) => obligation.address.startsWith('IV.'));
    const two = closing.filter((obligation) => obligation.address === 'IV.2');
    expect(two.map((obligation) => [obligation.role, obligation.actors])).toEqual([['lead', ['so-tai-chinh']], ['coordinating', ['so-ban-nganh']]]);
    expect(two[1].sources.actor.text).toMatch(/^các Sở, ban, ngành/);
    expect(closing.find((obligation) => obligation.address === 'IV.6')).toMatchObject({ role: 'responsible', actors: ['so-tu-phap'] });
    expect(closing.find((obligation) => obligation.address === 'IV.1')?.timeline).toMatchObject({ kind: 'deadline', due: '2025-12-31' });
    // "chi thường xuyên" (recurrent spending) is no frequency; "hằng năm" stands alone.
    expect(two[0].timeline).toMatchObject({ text: 'hàng năm', kind: 'recurring', frequency: 'yearly' });
  });
});

describe('Chỉ thị 012 (Đắk Lắk): the duties of each addressee', () => {
  const duties = (actor: string) => of('directive').filter((obligation) => obligation.actors.includes(actor));

  it('gives each lettered duty under "N. <addressee>" to that addressee, role responsible', () => {
    expect(duties('so-noi-vu').length).toBeGreaterThanOrEqual(3);
    expect(duties('so-khoa-hoc-cong-nghe').length).toBeGreaterThanOrEqual(5);
    expect(duties('van-phong-uy-ban-nhan-dan-tinh').length).toBeGreaterThanOrEqual(2);
    for (const obligation of of('directive')) expect(obligation.role).toBe('responsible');
    const first = duties('so-noi-vu')[0];
    expect(first.action.startsWith('Tiếp tục tham mưu')).toBe(true);
    expect(first.sources.actor.text.replace(/\s+/g, ' ')).toBe('Sở Nội vụ');
  });

  it('gives the duties of a block naming two addressees to both (the heads of departments, the commune chairs)', () => {
    const shared = duties('thu-truong-so-ban-nganh');
    expect(shared.length).toBeGreaterThanOrEqual(8);
    for (const obligation of shared) expect(obligation.actors.some((id) => id.startsWith('chu-tich-') && /xa/.test(id))).toBe(true);
    checkSources('directive');
  });

  it('reads "Chủ tịch UBND tỉnh yêu cầu X; Y tổ chức …" as a duty of X and Y, not of the one who asks', () => {
    const asked = of('directive').filter((obligation) => /yêu cầu/.test(obligation.action) && obligation.action.startsWith('Chủ tịch'));
    expect(asked).toHaveLength(1);
    expect(asked[0].actors).toContain('thu-truong-so-ban-nganh');
    expect(asked[0].actors.some((id) => id === 'chu-tich-uy-ban-nhan-dan-tinh')).toBe(false);
  });
});

describe('Luật 80/2025 and Nghị định 335/2025: who must, who approves, who is responsible', () => {
  it('NĐ 335 Điều 26: Bộ Nội vụ\'s and Bộ Tài chính\'s responsibilities', () => {
    const home = of('decree335').filter((obligation) => obligation.actors.includes('bo-noi-vu') && obligation.address.startsWith('dieu.26.khoan.3.'));
    expect(home.map((obligation) => obligation.address)).toEqual(['dieu.26.khoan.3.diem.a', 'dieu.26.khoan.3.diem.b']);
    expect(home.every((obligation) => obligation.role === 'responsible')).toBe(true);
    expect(home[0].sources.actor.text).toBe('Bộ Nội vụ');
    // "Các bộ, cơ quan ngang bộ, Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương có trách nhiệm:" then a) … e).
    const first = of('decree335').filter((obligation) => obligation.address.startsWith('dieu.26.khoan.1.diem.'));
    expect(first).toHaveLength(6);
    for (const obligation of first) expect(obligation.actors).toEqual(['bo-co-quan-ngang-bo', 'ubnd-tinh']);
    const finance = of('decree335').find((obligation) => obligation.address === 'dieu.26.khoan.2');
    expect(finance).toMatchObject({ actors: ['bo-tai-chinh'], role: 'responsible' });
    checkSources('decree335');
  });

  it('Luật 80: "Chính phủ quy định chi tiết …" and approvals by the competent body', () => {
    const government = of('law').filter((obligation) => obligation.actors.includes('chinh-phu') && obligation.role === 'implements');
    expect(government.length).toBeGreaterThanOrEqual(5);
    expect(of('law').some((obligation) => obligation.role === 'approves')).toBe(true);
    expect(of('law').some((obligation) => obligation.role === 'responsible' && obligation.actors.includes('co-quan-su-dung-cong-chuc'))).toBe(true);
    checkSources('law');
  });
});

describe('Nghị quyết 81/2025 (Hà Nội): "Giao Ủy ban nhân dân Thành phố:" then a) … d)', () => {
  it('gives each lettered duty to the city People\'s Committee (a capitalised locality)', () => {
    const given = of('resolution').filter((obligation) => obligation.address.startsWith('dieu.6.khoan.1.diem.'));
    expect(given.map((obligation) => obligation.address)).toEqual(['a', 'b', 'c', 'd'].map((letter) => `dieu.6.khoan.1.diem.${letter}`));
    for (const obligation of given) expect(obligation).toMatchObject({ actors: ['ubnd-tinh'], role: 'responsible' });
    expect(given[0].sources.actor.text).toBe('Ủy ban nhân dân Thành phố');
    checkSources('resolution');
  });
});

describe('the Word task table: every row', () => {
  it('reads lead, coordinating units and time of each of the six rows, the title row skipped', () => {
    const rows = registry.tasks.filter((task) => task.documentId === docs.table.id);
    expect(rows).toHaveLength(6);
    expect(rows.map((row) => [row.number, row.lead, row.coordinating, row.timeline.kind])).toEqual([
      [1, ['so-noi-vu'], ['ubnd-xa'], 'deadline'],
      [2, ['so-khoa-hoc-cong-nghe'], ['so-noi-vu', 'so-tu-phap'], 'deadline'],
      [3, ['so-tai-chinh'], ['so-noi-vu'], 'recurring'],
      [4, ['so-tu-phap'], ['ubnd-xa'], 'recurring'],
      [5, ['ubnd-xa'], ['so-noi-vu'], 'deadline'],
      [6, ['so-noi-vu'], ['so-ban-nganh'], 'deadline'],
    ]);
    expect(rows.map((row) => row.timeline.due ?? row.timeline.day ?? row.timeline.frequency)).toEqual([
      '2026-12-31', '2027-06-30', 'yearly', '--11-15', '2026-12-15', '2030-12-31',
    ]);
    const obligations = of('table');
    expect(obligations).toHaveLength(12);
    expect(obligations.every((obligation) => obligation.taskAddress === obligation.address)).toBe(true);
    checkSources('table');
  });
});

describe('units recognised by shape', () => {
  const unit = (id: string) => registry.units.find((candidate) => candidate.id === id);

  it('names units no vocabulary lists, with a canonical name, a level and folded aliases', () => {
    expect(unit('so-tu-phap')).toMatchObject({ name: 'Sở Tư pháp', level: 'tỉnh' });
    expect(unit('so-tu-phap')!.aliases).toContain('so tu phap');
    expect(unit('bo-tai-chinh')).toMatchObject({ name: 'Bộ Tài chính', level: 'trung ương' });
    // "Văn phòng UBND tỉnh" (Chỉ thị 012, Kế hoạch 141): the abbreviation expanded in the name.
    expect(unit('van-phong-uy-ban-nhan-dan-tinh')).toMatchObject({ name: 'Văn phòng Ủy ban nhân dân tỉnh', level: 'tỉnh' });
    expect(unit('hoi-dong-nhan-dan-cap-tinh')?.level).toBe('tỉnh');
  });

  it('finds them on two or more documents', () => {
    const named = (id: string) => new Set(registry.obligations.filter((obligation) => obligation.actors.includes(id)).map((obligation) => obligation.documentId));
    expect(named('so-tu-phap').size).toBeGreaterThanOrEqual(2);
    expect(named('van-phong-uy-ban-nhan-dan-tinh').size).toBeGreaterThanOrEqual(2);
  });
});
