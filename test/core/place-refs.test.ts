import { describe, expect, it } from 'vitest';
import { readPlaceRefs } from '../../server/core/query/place-refs.js';
import { matchKey } from '../../common/text-key.js';

const read = (question: string) => readPlaceRefs(matchKey(question));

describe('readPlaceRefs', () => {
  it('reads an article, with or without clause and point, in either order', () => {
    expect(read('Điều 44 nói gì?').addresses).toEqual(['dieu.44']);
    expect(read('Điều 19 khoản 2 quy định thời điểm nào').addresses).toEqual(['dieu.19.khoan.2']);
    expect(read('khoản 2 Điều 19 của Nghị định 335').addresses).toEqual(['dieu.19.khoan.2']);
    expect(read('điểm a khoản 2 Điều 30 là gì').addresses).toEqual(['dieu.30.khoan.2.diem.a']);
    expect(read('dieu 30 khoan 2 diem b').addresses).toEqual(['dieu.30.khoan.2.diem.b']);
    expect(read('What does Article 26 say?').addresses).toEqual(['dieu.26']);
  });

  it('keeps a clause named without its article apart, and reads appendices', () => {
    expect(read('còn khoản 3 thì sao?')).toEqual({ addresses: [], looseClauses: [3] });
    expect(read('Phụ lục II gồm những gì').addresses).toEqual(['phu-luc.2']);
    expect(read('phu luc 1').addresses).toEqual(['phu-luc.1']);
  });

  it('reads nothing from a question without places', () => {
    expect(read('Ai chủ trì nhiệm vụ 4?')).toEqual({ addresses: [], looseClauses: [] });
  });
});
