/**
 * English names of the documents' terms (ingest/vocabulary/english-glossary.json): people a
 * regulation names ("Hero of Labour", "full-time National Assembly deputies"), funds ("recurrent
 * budget", "covered by the state budget"), ranks ("grades") and systems ("availability"). Each is
 * written as the Vietnamese the documents use, so an English question meets the passage a
 * Vietnamese one does; the terms are asked of several documents, and a question beside them abstains.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { foldedTokens } from '../../common/text-key.js';
import { readEnglishGlossary } from '../../server/core/query/english-glossary.js';
import { compileQueryVocabulary, expandTokens, type QuerySynonymsFile } from '../../server/core/query/vocabulary.js';
import { useRealDocsAssistant } from './shipped-index.js';
import { expectCitedUnder } from './cited-under.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const synonyms = JSON.parse(fs.readFileSync(path.join(ROOT, 'ingest/vocabulary/query-synonyms.json'), 'utf8')) as QuerySynonymsFile;
const vocabulary = compileQueryVocabulary(synonyms, readEnglishGlossary());

/** The question as the glossary and the synonyms leave it, words joined by spaces (folded). */
function expanded(question: string): string {
  return expandTokens(foldedTokens(question), vocabulary).tokens.join(' ');
}

describe('English terms written as the documents write them', () => {
  it('writes people, funds, ranks and systems in the documents’ Vietnamese word order', () => {
    expect(expanded('full-time National Assembly deputies')).toBe('dai bieu quoc hoi hoat dong chuyen trach');
    expect(expanded('a Hero of the People’s Armed Forces')).toContain('anh hung luc luong vu trang');
    expect(expanded('the recurrent budget')).toContain('kinh phi chi thuong xuyen');
    expect(expanded('units fully covered by the state budget')).toContain('ngan sach nha nuoc bao dam toan bo');
    expect(expanded('civil servant grades')).toContain('ngach cong chuc');
    expect(expanded('the provincial administrative procedure information system')).toContain('he thong thong tin giai quyet thu tuc hanh chinh tinh');
  });

  it('reads the people before a relative "who" as topic and the English words as grammar', () => {
    const expansion = expandTokens(foldedTokens('targets for staff who draft laws'), vocabulary);
    expect(expansion.tokens.join(' ')).toContain('can bo cong chuc');
    expect(expansion.tokens).not.toContain('who');
    // The typed "who" is dropped from what the intent stage reads; a question "who" is not.
    expect(expansion.dropped.has(3)).toBe(true);
    expect(expandTokens(foldedTokens('who drafts laws'), vocabulary).dropped.has(0)).toBe(false);
  });
});

describe('English questions with these terms over the real documents', () => {
  const assistant = useRealDocsAssistant();
  const RECRUITMENT = 'nghi-dinh-170-2025-nd-cp-tuyen-dung-su-dung-quan-ly-cong-chuc';
  const INCOME = 'nghi-quyet-81-2025-nq-hdnd-ha-noi';
  const LAW_PLAN = 'ke-hoach-141-kh-ubnd-2025-bac-ninh';

  async function expectCited(question: string, documentId: string, section: string): Promise<string> {
    const response = await assistant.ask(question);
    expectCitedUnder(response, question, documentId, section);
    return response.answer;
  }

  it('reads the priority points of heroes and their children from the recruitment decree', async () => {
    expect(await expectCited('How many priority points are added for a Hero of Labour?', RECRUITMENT, 'dieu.6.khoan.1.diem.a')).toMatch(/7,5 điểm/);
    const child = 'How many priority points does the child of a Hero of the People’s Armed Forces get?';
    expect(await expectCited(child, RECRUITMENT, 'dieu.6.khoan.1.diem.b')).toMatch(/5 điểm/);
  });

  it('reads recurrent spending from the plan that funds it and from the resolution that scopes by it', async () => {
    expect(await expectCited('Who must arrange recurrent funding to carry out Plan 141/KH-UBND?', LAW_PLAN, 'IV.2')).toMatch(/Sở Tài chính/);
    const scoped = 'Which public service units whose recurrent expenditure is fully covered by the state budget does Resolution 81/2025/NQ-HĐND apply to?';
    expect(await expectCited(scoped, INCOME, 'dieu.2')).toMatch(/chi thường xuyên/);
  });

  it('reads the full-time deputies a resolution covers, and the grades a law lists', async () => {
    expect(await expectCited('Which full-time deputies does Resolution 81/2025/NQ-HĐND cover?', INCOME, 'dieu.2.khoan.1')).toMatch(/chuyên trách/);
    const grades = 'What are the grades of civil servants under the Law on Cadres and Civil Servants?';
    expect(await expectCited(grades, 'luat-80-2025-qh15-can-bo-cong-chuc', 'dieu.24.khoan.1')).toMatch(/Cán sự/);
  });

  it('reads how an information system must run from the directive', async () => {
    const question = 'Must the provincial administrative procedure information system run round the clock under Directive 012?';
    expect(await expectCited(question, 'chi-thi-012-ct-ubnd-2025-dak-lak', '2.b')).toMatch(/24\/7/);
  });

  it('reads setting aside, paying and balancing funds from the income resolution and the commune plan', async () => {
    expect(await expectCited('How much of the basic salary fund is set aside for additional income in 2026 in Hanoi?', INCOME, 'dieu.4.khoan.2')).toMatch(/0,8 lần/);
    await expectCited('What principles apply to paying additional income under Resolution 81?', INCOME, 'dieu.3');
    const balance = 'Which department must balance the provincial budget to invest in digital transformation at commune level?';
    await expectCited(balance, 'ke-hoach-cbcc-cap-xa-2026', 'II.10');
  });

  it('reads forms, feedback channels and rules from the directive', async () => {
    const DIRECTIVE = 'chi-thi-012-ct-ubnd-2025-dak-lak';
    expect(await expectCited('What does Directive 012 say about electronic forms (e-forms)?', DIRECTIVE, '1.c')).toMatch(/E-Form/);
    expect(await expectCited('What does Directive 012 require about feedback channels from citizens and businesses?', DIRECTIVE, '1.e')).toMatch(/kênh/);
    const rules = 'What does Directive 012 require the Department of Home Affairs to do about officials who violate administrative procedure rules?';
    await expectCited(rules, DIRECTIVE, '3.a');
  });

  it('reads special policies and special cases from a plan and a decree', async () => {
    expect(await expectCited('What special policies does Plan 141 apply to people who take part in law-making?', LAW_PLAN, 'III.6')).toMatch(/đặc thù/);
    await expectCited('What are the special cases in monitoring and evaluating civil servants?', 'nghi-dinh-335-2025-nd-cp-danh-gia-xep-loai-cong-chuc', 'dieu.11');
  });

  it('reads a maximum secondment period and a change within an agency from two decrees', async () => {
    expect(await expectCited('What is the maximum secondment period for civil servants?', RECRUITMENT, 'dieu.26')).toMatch(/03 năm|3 năm/);
    await expectCited('How are job positions adjusted within an agency?', 'nghi-dinh-361-2025-nd-cp-vi-tri-viec-lam-cong-chuc', 'dieu.6');
  });

  it('does not read the "who" of a relative clause as the question "who"', async () => {
    for (const question of ['What special policies does Plan 141 apply to people who take part in law-making?', 'How is severance allowance calculated for civil servants who resign?']) {
      const response = await assistant.ask(question);
      expect(response.intent, question).not.toBe('lead');
      expect(response.abstained, question).toBe(false);
    }
  });

  it('reads "when was … signed" as the issue date of the document named', async () => {
    for (const [question, documentId, date] of [
      ['When was Directive 012 signed?', 'chi-thi-012-ct-ubnd-2025-dak-lak', '26/11/2025'],
      ['When was Resolution 81/2025/NQ-HĐND signed?', INCOME, '27/11/2025'],
    ]) {
      const response = await assistant.ask(question);
      expectCitedUnder(response, question, documentId, 'header');
      expect(response.answer).toContain(date);
    }
  });

  it('reads who implements a decree from the decree’s article on implementation', async () => {
    expect(await expectCited('Who is responsible for implementing Decree 170/2025/ND-CP?', RECRUITMENT, 'dieu.73')).toMatch(/Bộ trưởng/);
    expect(await expectCited('Who is responsible for implementing Decree 361/2025/ND-CP?', 'nghi-dinh-361-2025-nd-cp-vi-tri-viec-lam-cong-chuc', 'dieu.15')).toMatch(/Bộ trưởng/);
  });

  it('reads the information officials are given and the information a system integrates', async () => {
    const given = 'Are civil servants entitled to be provided with information and data related to their assigned tasks?';
    expect(await expectCited(given, 'luat-80-2025-qh15-can-bo-cong-chuc', 'dieu.9.khoan.4')).toMatch(/cung cấp thông tin/);
    const system = 'Which department must integrate and connect the information used for evaluation with the provincial administrative procedure information system?';
    expect(await expectCited(system, 'chi-thi-012-ct-ubnd-2025-dak-lak', '2.d')).toMatch(/Sở Khoa học và Công nghệ/);
  });

  it('reads rights, contracts, selection, notices and changes of position from the law and the recruitment decree', async () => {
    const LAW = 'luat-80-2025-qh15-can-bo-cong-chuc';
    const cases: Array<[string, string, string]> = [
      ['What rights do cadres and civil servants have regarding rest and leave?', LAW, 'dieu.11'],
      ['What is a task performance contract of civil servants?', LAW, 'dieu.21'],
      ['How are judges and prosecutors selected and appointed?', LAW, 'dieu.22'],
      ['What mechanisms does the law provide to attract high-quality human resources?', LAW, 'dieu.4'],
      ['What are the conditions for receiving a person into the civil service?', RECRUITMENT, 'dieu.13'],
      ['How is the recruitment notice published?', RECRUITMENT, 'dieu.15'],
      ['Within how many days must the recruitment result be announced?', RECRUITMENT, 'dieu.17'],
      ['What conditions must a civil servant meet when changing job position?', RECRUITMENT, 'dieu.23'],
    ];
    for (const [question, documentId, section] of cases) await expectCited(question, documentId, section);
  });

  it('reads awareness, communication, quotas exceeded and administrative discipline from the plans and the directive', async () => {
    const cases: Array<[string, string, string]> = [
      ['What must be done to raise awareness of agencies about law-making capacity under Plan 141?', LAW_PLAN, 'III.3'],
      ['What does Directive 012 say about communication on administrative procedure reform?', 'chi-thi-012-ct-ubnd-2025-dak-lak', '1.i'],
      ['What must the commune plan do about leadership deputies that exceed the quota?', 'ke-hoach-cbcc-cap-xa-2026', 'II.5'],
      ['What does the plan say about administrative discipline and public ethics of commune officials?', 'ke-hoach-cbcc-cap-xa-2026', 'II.9'],
    ];
    for (const [question, documentId, section] of cases) await expectCited(question, documentId, section);
  });

  it('reads a leader’s dismissal from the recruitment decree and motivating staff from the directive', async () => {
    expect(await expectCited('In which cases is a leader dismissed?', RECRUITMENT, 'dieu.53')).toMatch(/miễn nhiệm/);
    const motivate = 'Who must motivate and encourage staff working at the public administrative service center?';
    expect(await expectCited(motivate, 'chi-thi-012-ct-ubnd-2025-dak-lak', '3.b')).toMatch(/động viên, khích lệ/);
  });

  it('reads notices posted on websites and dossiers reviewed from two decrees', async () => {
    expect(await expectCited('Must the recruitment notice be posted on the agency’s website?', RECRUITMENT, 'dieu.15')).toMatch(/trang thông tin điện tử/);
    const reviewed = 'How long must job position approval dossiers be reviewed?';
    expect(await expectCited(reviewed, 'nghi-dinh-361-2025-nd-cp-vi-tri-viec-lam-cong-chuc', 'dieu.5')).toMatch(/30 ngày làm việc/);
  });

  it('reads kinds of discipline, how soon one reports to work and who must be trained from three documents', async () => {
    const LAW = 'luat-80-2025-qh15-can-bo-cong-chuc';
    expect(await expectCited('What kinds of discipline apply to civil servants?', LAW, 'dieu.36')).toMatch(/Khiển trách/);
    expect(await expectCited('What types of discipline apply to cadres?', LAW, 'dieu.35')).toMatch(/Khiển trách/);
    const soon = 'How soon after the recruitment decision must the recruited person start work?';
    expect(await expectCited(soon, RECRUITMENT, 'dieu.19')).toMatch(/30 ngày/);
    await expectCited('What percentage of the Plan 141 staff must be trained?', LAW_PLAN, 'II.5');
  });

  it('reads English acronyms of ministries, departments and committees as the units they name', async () => {
    const cases: Array<[string, string, string, RegExp]> = [
      ['What are MOHA’s duties in managing civil servants under Decree 170?', RECRUITMENT, 'dieu.65', /Bộ Nội vụ/],
      ['What must the PPC do about job positions under Decree 361?', 'nghi-dinh-361-2025-nd-cp-vi-tri-viec-lam-cong-chuc', 'dieu.11', /Ủy ban nhân dân tỉnh/],
      ['What must the DOST do under Directive 012?', 'chi-thi-012-ct-ubnd-2025-dak-lak', '2', /Sở Khoa học và Công nghệ/],
    ];
    for (const [question, documentId, section, unit] of cases) expect(await expectCited(question, documentId, section)).toMatch(unit);
  });

  it('reads enforcement, self-inspection, distribution of income, sessions and unused funds from three documents', async () => {
    const cases: Array<[string, string, string]> = [
      ['What must communes and wards do to strengthen leadership of law-making and enforcement under Plan 141?', LAW_PLAN, 'IV.5'],
      ['What does Plan 141 require about consolidating the contingent of law-drafting staff?', LAW_PLAN, 'III.1'],
      ['What does the directive say about self-inspection and supervision of administrative procedure handling?', 'chi-thi-012-ct-ubnd-2025-dak-lak', '1.g'],
      ['How is monthly additional income distributed among staff?', INCOME, 'dieu.5.khoan.1'],
      ['Which session of the Hanoi People’s Council adopted Resolution 81?', INCOME, 'closing'],
      ['What happens to unused additional income funding?', INCOME, 'dieu.4'],
    ];
    for (const [question, documentId, section] of cases) await expectCited(question, documentId, section);
  });

  it('still abstains on English questions that use these words beside the documents', async () => {
    for (const question of [
      'How much rest time do workers get per week under the Labour Code?',
      'Who was elected President of Vietnam in 2026?',
      'What is the penalty for breaching a labour contract?',
      'Which TV channels broadcast National Assembly sessions?',
      'How much money does Hanoi invest in metro lines?',
      'Can civil servants disclose state secrets to foreign companies?',
      'How often is the national football team selected?',
    ]) {
      const response = await assistant.ask(question);
      expect(response.abstained, question).toBe(true);
      expect(response.citations, question).toEqual([]);
    }
  });

  it('still abstains on a question beside these terms', async () => {
    const response = await assistant.ask('What pension does a Hero of Labour receive after retirement abroad?');
    expect(response.abstained).toBe(true);
    expect(response.citations).toEqual([]);
  });
});
