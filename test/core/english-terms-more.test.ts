/**
 * More English words of the documents' duties (ingest/vocabulary/english-glossary.json): what a
 * unit is "obliged to" or "tasked with" is what it "phải" do or is "được giao", as a Vietnamese
 * question says it. Each is asked of two documents or more (see english-terms.test.ts for the
 * terms of people, funds, ranks and systems).
 */
import { describe, expect, it } from 'vitest';
import { useRealDocsAssistant } from './shipped-index.js';
import { expectCitedUnder } from './cited-under.js';

describe('English words of duty over the real documents', () => {
  const assistant = useRealDocsAssistant();

  async function expectCited(question: string, documentId: string, section: string): Promise<string> {
    const response = await assistant.ask(question);
    expectCitedUnder(response, question, documentId, section);
    return response.answer;
  }

  it('reads what a person is obliged to do from the recruitment decree', async () => {
    const question = 'Is the recruited person obliged to report to work within 30 days?';
    expect(await expectCited(question, 'nghi-dinh-170-2025-nd-cp-tuyen-dung-su-dung-quan-ly-cong-chuc', 'dieu.19.khoan.2')).toMatch(/30 ngày/);
  });

  it('reads what a department is tasked with or charged with from a plan and a directive', async () => {
    expect(await expectCited('What is the Department of Justice tasked with under Plan 141?', 'ke-hoach-141-kh-ubnd-2025-bac-ninh', 'IV.6')).toMatch(/Sở Tư pháp/);
    const charged = 'What is the Department of Science and Technology charged with under Directive 012?';
    expect(await expectCited(charged, 'chi-thi-012-ct-ubnd-2025-dak-lak', '2')).toMatch(/Sở Khoa học và Công nghệ/);
  });

  it('reads degrees and certificates, online public services and state secrets from three documents', async () => {
    const question = 'What degrees and certificates must a candidate submit after passing the recruitment exam?';
    await expectCited(question, 'nghi-dinh-170-2025-nd-cp-tuyen-dung-su-dung-quan-ly-cong-chuc', 'dieu.18');
    const online = 'What must be done to keep online public services integrated under Directive 012?';
    expect(await expectCited(online, 'chi-thi-012-ct-ubnd-2025-dak-lak', '1.d')).toMatch(/dịch vụ công trực tuyến/);
    await expectCited('What does the law say about protecting state secrets?', 'luat-80-2025-qh15-can-bo-cong-chuc', 'dieu.7.khoan.2');
  });

  it('abstains where an English word would only meet a near passage (a company, a pension, how often, maternity)', async () => {
    for (const question of [
      'Which company provides the e-form software?',
      'How is the pension of a retired civil servant calculated?',
      'How often are elections for the National Assembly held?',
      'How long is maternity leave for female civil servants?',
      'What percentage of women civil servants must be in leadership?',
    ]) {
      const response = await assistant.ask(question);
      expect(response.abstained, question).toBe(true);
      expect(response.citations, question).toEqual([]);
    }
  });

  it('reads who takes the lead and who works together with a department from two plans', async () => {
    const lead = 'Which agency takes the lead in reviewing staff who draft laws under Plan 141?';
    await expectCited(lead, 'ke-hoach-141-kh-ubnd-2025-bac-ninh', 'III.1');
    const together = 'Which bodies work together with the Department of Justice on study tours under Plan 141?';
    await expectCited(together, 'ke-hoach-141-kh-ubnd-2025-bac-ninh', 'III.9');
    const commune = 'Which units work together with the Department of Home Affairs on training commune officials?';
    await expectCited(commune, 'ke-hoach-cbcc-cap-xa-2026', 'II.6');
  });

  it('reads what people receive (points, benefits) as what they are entitled to, in two decrees', async () => {
    const RECRUITMENT = 'nghi-dinh-170-2025-nd-cp-tuyen-dung-su-dung-quan-ly-cong-chuc';
    const hero = 'How many priority points does a Hero of Labour receive in civil servant recruitment?';
    expect(await expectCited(hero, RECRUITMENT, 'dieu.6.khoan.1.diem.a')).toMatch(/7,5 điểm/);
    expect(await expectCited('How many points do ethnic minority candidates receive?', RECRUITMENT, 'dieu.6.khoan.1.diem.b')).toMatch(/5 điểm/);
    expect(await expectCited('What benefits do seconded civil servants receive?', RECRUITMENT, 'dieu.27')).toMatch(/biệt phái/);
    // Receiving a person, an application or feedback is still "tiếp nhận".
    expect(await expectCited('Within how many days must the agency receive applications?', RECRUITMENT, 'dieu.15')).toMatch(/Phiếu đăng ký dự tuyển/);
  });

  it('reads sanctions, the power to suspend and the date a law applies from', async () => {
    const LAW = 'luat-80-2025-qh15-can-bo-cong-chuc';
    expect(await expectCited('What sanctions may be imposed on cadres who violate the rules?', LAW, 'dieu.35')).toMatch(/Khiển trách/);
    await expectCited('Who has the power to suspend a civil servant temporarily?', LAW, 'dieu.39');
    expect(await expectCited('From what date does Law 80/2025/QH15 apply?', LAW, 'dieu.44')).toMatch(/01\/7\/2025|01 tháng 7 năm 2025/);
    await expectCited('How much of the basic salary fund goes to monthly additional income in Hanoi?', 'nghi-quyet-81-2025-nq-hdnd-ha-noi', 'dieu.5');
  });

  it('reads yes/no questions with number words, ages, records and limits from four documents', async () => {
    const RECRUITMENT = 'nghi-dinh-170-2025-nd-cp-tuyen-dung-su-dung-quan-ly-cong-chuc';
    const LAW = 'luat-80-2025-qh15-can-bo-cong-chuc';
    const cases: Array<[string, string, string]> = [
      ['Can a secondment last more than three years?', RECRUITMENT, 'dieu.26'],
      ['Can a leader be reappointed more than twice?', RECRUITMENT, 'dieu.28'],
      ['Must a civil servant who is pregnant be transferred?', RECRUITMENT, 'dieu.25'],
      ['Who is not subject to rotation?', RECRUITMENT, 'dieu.42'],
      ['What is the minimum age to register for civil servant recruitment?', LAW, 'dieu.19'],
      ['Can someone with a criminal record register for recruitment?', LAW, 'dieu.19'],
      ['Is additional income limited to 0.8 times the basic salary fund?', 'nghi-quyet-81-2025-nq-hdnd-ha-noi', 'dieu.4'],
    ];
    for (const [question, documentId, section] of cases) await expectCited(question, documentId, section);
  });

  it('still abstains when the same words ask beside the documents', async () => {
    for (const question of ['Can a driver with a criminal record get a taxi licence?', 'What is the minimum age to drive a car?', 'Can someone be elected to the National Assembly more than twice?']) {
      const response = await assistant.ask(question);
      expect(response.abstained, question).toBe(true);
    }
  });

  it('reads processes, online services, data, forms, connections and security from the directive and the evaluation decree', async () => {
    const DIRECTIVE = 'chi-thi-012-ct-ubnd-2025-dak-lak';
    const cases: Array<[string, string]> = [
      ['What does Directive 012 say about internal and electronic processes for handling administrative procedures?', '1.a'],
      ['Which public services should be upgraded from partial to full online service?', '1.d'],
      ['Which department must keep data flowing between systems for essential and inter-connected public services?', '2.a'],
      ['What does Directive 012 say about dialogue with citizens and businesses?', '1.h'],
      ['Who must review and standardize application forms and declarations?', '1.c'],
      ['What should happen to unnecessary regulations that are barriers to administrative procedures?', '1.b'],
      ['What must be ensured about network security of the administrative procedure information system?', '2.b'],
    ];
    for (const [question, section] of cases) await expectCited(question, DIRECTIVE, section);
    // "connect" reads the evaluation decree's software duty as well.
    const software = 'Who must build software to monitor and evaluate civil servants and connect it with other systems?';
    await expectCited(software, 'nghi-dinh-335-2025-nd-cp-danh-gia-xep-loai-cong-chuc', 'dieu.26.khoan.1.diem.d');
    for (const question of ['What network security rules apply to banks?', 'How does the tax office handle dialogue with businesses?']) {
      expect((await assistant.ask(question)).abstained, question).toBe(true);
    }
  });

  it('reads associations, the Fatherland Front Committee and money for additional income from the income resolution and the plan', async () => {
    const INCOME = 'nghi-quyet-81-2025-nq-hdnd-ha-noi';
    await expectCited('Does Resolution 81 cover full-time leaders of associations?', INCOME, 'dieu.2.khoan.1');
    await expectCited('What does the Vietnam Fatherland Front committee of Hanoi have to do?', INCOME, 'dieu.6.khoan.3');
    expect(await expectCited('Where does the money for additional income come from?', INCOME, 'dieu.4.khoan.1')).toMatch(/cải cách tiền lương/);
    await expectCited('What is the multiplier of the basic salary fund for additional income in 2026?', INCOME, 'dieu.4.khoan.2');
    // Funding asked "for" an activity reads a second document: the plan that funds law-making staff.
    await expectCited('Who must arrange recurrent funding for implementing Plan 141?', 'ke-hoach-141-kh-ubnd-2025-bac-ninh', 'IV.2');
    expect((await assistant.ask('Which associations in Hanoi receive state funding for sports?')).abstained).toBe(true);
  });

  it('reads talent, research, delegations, the legal AI and support payments from Plan 141 and the recruitment decree', async () => {
    const PLAN = 'ke-hoach-141-kh-ubnd-2025-bac-ninh';
    const cases: Array<[string, string]> = [
      ['Who leads research on attracting talented graduates, masters and doctors in law under Plan 141?', 'III.5'],
      ['Who takes part in delegations to learn law-making experience abroad?', 'III.9'],
      ['Which department launches an AI tool for law under Plan 141?', 'III.7'],
      ['Who should update and use the national law portal and database under Plan 141?', 'III.7'],
      ['From when is support paid to people working directly on law-making under Plan 141?', 'III.6'],
    ];
    for (const [question, section] of cases) await expectCited(question, PLAN, section);
    // Excellent graduates are also whom the recruitment decree admits by selection.
    await expectCited('Can excellent graduates be recruited by selection?', 'nghi-dinh-170-2025-nd-cp-tuyen-dung-su-dung-quan-ly-cong-chuc', 'dieu.5');
    for (const question of ['Which graduates get scholarships to study abroad?', 'What availability is required for the national power grid?']) {
      expect((await assistant.ask(question)).abstained, question).toBe(true);
    }
  });

  it('reads the commune-level plan’s overall review, vacancies, work-study, weak capacity and fields of expertise, and reassignment in the decree', async () => {
    const COMMUNE_PLAN = 'ke-hoach-cbcc-cap-xa-2026';
    const cases: Array<[string, string]> = [
      ['By when must communes assess the overall quality of their cadres?', 'II.2'],
      ['What must communes determine about recruitment needs for vacant job positions?', 'II.2'],
      ['How should communes let officials study while working?', 'II.6'],
      ['What happens to officials with weak capacity under the commune-level plan?', 'II.7'],
      ['Which fields require deep expertise such as land, construction and religion?', 'II.5'],
    ];
    for (const [question, section] of cases) await expectCited(question, COMMUNE_PLAN, section);
    const reassigned = 'In which cases can a civil servant be reassigned to another agency?';
    expect(await expectCited(reassigned, 'nghi-dinh-170-2025-nd-cp-tuyen-dung-su-dung-quan-ly-cong-chuc', 'dieu.25')).toMatch(/điều động/);
  });

  it('answers "what is X" and "what does X mean" with the clause defining X, in the law and the evaluation decree', async () => {
    expect(await expectCited('What does secondment mean?', 'luat-80-2025-qh15-can-bo-cong-chuc', 'dieu.5.khoan.10')).toMatch(/Biệt phái là/);
    expect(await expectCited('What is a cadre?', 'luat-80-2025-qh15-can-bo-cong-chuc', 'dieu.1.khoan.1')).toMatch(/Cán bộ là/);
    expect(await expectCited('What is organization rating?', 'nghi-dinh-335-2025-nd-cp-danh-gia-xep-loai-cong-chuc', 'dieu.3.khoan.3')).toMatch(/Xếp loại chất lượng tổ chức là/);
    for (const question of ['What is inflation?', 'What does e-government mean?', 'What is an audit?']) {
      expect((await assistant.ask(question)).abstained, question).toBe(true);
    }
  });

  it('reads awards and communicating with citizens from the law', async () => {
    expect(await expectCited('What kinds of awards can cadres and civil servants receive?', 'luat-80-2025-qh15-can-bo-cong-chuc', 'dieu.33')).toMatch(/khen thưởng/);
    await expectCited('What must civil servants do when communicating with citizens?', 'luat-80-2025-qh15-can-bo-cong-chuc', 'dieu.13');
  });
});
