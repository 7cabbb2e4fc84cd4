/**
 * Units recognised by the shape of their names, merged with the vocabulary; the vocabulary is
 * passed in (a changed copy changes the result, nothing is cached between calls).
 */
import { describe, expect, it } from 'vitest';
import { findUnitMentions, loadExtractVocabulary, unitNamesByShape, unitsByShape } from '../../ingest/extract/index.js';

const vocabulary = loadExtractVocabulary();
const names = (text: string) => unitNamesByShape(text, vocabulary.shapes).map((name) => name.text);

describe('unitNamesByShape', () => {
  it('reads an organ head and its proper name, stopping before the verb', () => {
    expect(names('Sở Tư pháp chủ trì, phối hợp với Bộ Khoa học và Công nghệ.')).toEqual(['Sở Tư pháp', 'Bộ Khoa học và Công nghệ']);
    expect(names('Văn phòng UBND tỉnh theo dõi; Ban Tổ chức Tỉnh ủy phối hợp.')).toEqual(['Văn phòng UBND tỉnh', 'Ban Tổ chức Tỉnh ủy']);
  });

  it('keeps two units joined by "và" or a comma apart', () => {
    expect(names('Sở Nội vụ và Sở Tài chính, Bộ Nội vụ')).toEqual(['Sở Nội vụ', 'Sở Tài chính', 'Bộ Nội vụ']);
  });

  it('reads councils with their locality and positions before a unit', () => {
    expect(names('Hội đồng nhân dân tỉnh; UBND các xã, phường; Chủ tịch UBND cấp xã; Bộ trưởng Bộ Nội vụ')).toEqual([
      'Hội đồng nhân dân tỉnh', 'UBND các xã, phường', 'Chủ tịch UBND cấp xã', 'Bộ trưởng Bộ Nội vụ',
    ]);
  });

  it('does not take lowercase words or a name across a line break', () => {
    expect(names('ban hành bộ chỉ số; các sở, ban, ngành')).toEqual([]);
    expect(names('2. Sở Nội vụ\n\nTheo dõi, đôn đốc')).toEqual(['Sở Nội vụ']);
  });
});

describe('unitsByShape', () => {
  const texts = ['Giao Sở Tư pháp chủ trì; Văn phòng UBND tỉnh phối hợp.', 'Chủ tịch UBND cấp xã và Hội đồng nhân dân tỉnh; Văn phòng Ủy ban nhân dân tỉnh.'];
  const units = unitsByShape(texts, vocabulary.units, vocabulary.shapes);
  const unit = (id: string) => units.find((candidate) => candidate.id === id);

  it('adds the units the vocabulary lacks, with canonical name, level and folded aliases, once each', () => {
    expect(units.slice(0, vocabulary.units.length).map((candidate) => candidate.id)).toEqual(vocabulary.units.map((candidate) => candidate.id));
    expect(unit('so-tu-phap')).toMatchObject({ name: 'Sở Tư pháp', level: 'tỉnh', aliases: ['so tu phap'] });
    expect(unit('van-phong-uy-ban-nhan-dan-tinh')).toMatchObject({ name: 'Văn phòng Ủy ban nhân dân tỉnh', level: 'tỉnh' });
    expect(unit('van-phong-uy-ban-nhan-dan-tinh')!.aliases).toEqual(expect.arrayContaining(['van phong uy ban nhan dan tinh', 'van phong ubnd tinh']));
    expect(unit('hoi-dong-nhan-dan-cap-tinh')?.level).toBe('tỉnh');
    // A position before a known unit takes that unit's canonical name.
    expect(unit('chu-tich-uy-ban-nhan-dan-cac-xa-phuong')).toMatchObject({ name: 'Chủ tịch Ủy ban nhân dân các xã, phường', level: 'xã' });
    expect(new Set(units.map((candidate) => candidate.id)).size).toBe(units.length);
  });

  it('lets the new units be found in text, both spellings', () => {
    const mentions = findUnitMentions(texts[0] + ' ' + texts[1], units).map((mention) => mention.unitId);
    expect(mentions.filter((id) => id === 'van-phong-uy-ban-nhan-dan-tinh')).toHaveLength(2);
    expect(mentions).toContain('so-tu-phap');
  });

  it('merges the spellings of one council at one level, into the vocabulary\'s unit when it has one', () => {
    const councils = unitsByShape(['UBND tỉnh, thành phố trực thuộc trung ương; HĐND tỉnh; Hội đồng nhân dân cấp tỉnh; UBND các xã'], vocabulary.units, vocabulary.shapes);
    const added = councils.slice(vocabulary.units.length);
    expect(added.map((candidate) => [candidate.id, candidate.name, candidate.level])).toEqual([['hoi-dong-nhan-dan-cap-tinh', 'Hội đồng nhân dân cấp tỉnh', 'tỉnh']]);
    expect(added[0].aliases).toEqual(expect.arrayContaining(['hdnd tinh', 'hoi dong nhan dan cap tinh']));
    const mentions = findUnitMentions('Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương có trách nhiệm', councils);
    expect(mentions.map((mention) => mention.unitId)).toEqual(['ubnd-tinh']);
    expect(mentions[0].end).toBe('Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương'.length);
  });

  it('uses the shapes passed in: without "Sở" as a head, "Sở Tư pháp" is no unit', () => {
    const shapes = { ...vocabulary.shapes, heads: vocabulary.shapes.heads.filter((head) => head.head !== 'Sở') };
    expect(unitsByShape(texts, vocabulary.units, shapes).some((candidate) => candidate.id === 'so-tu-phap')).toBe(false);
    expect(vocabulary.units.some((candidate) => candidate.id === 'so-tu-phap')).toBe(false);
  });
});
