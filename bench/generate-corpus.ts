/**
 * Generates plan-like documents for the scale bench: random combinations of administrative
 * phrases in the plan's shape (header, parts I–III, numbered items with field lines, recipients,
 * signature), deterministic for a seed. Every file says in its first line that it is generated.
 *
 * Entry use: `npx tsx bench/generate-corpus.ts <folder> <items> [seed]`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as vocabulary from './vocabulary.js';

/** First line of every generated file. */
export const GENERATED_MARKER =
  'VĂN BẢN SINH TỰ ĐỘNG ĐỂ ĐO HIỆU NĂNG — generated for benchmarks, not a real document';

/** A deterministic pseudo-random source (mulberry32): same seed, same corpus. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

/** A generated task item, kept to derive questions whose answers the corpus holds. */
export interface GeneratedItem {
  number: number;
  /** The words a user remembers the task by: action, object and field ("Số hóa hồ sơ … thuộc lĩnh vực y tế"). */
  topic: string;
  title: string;
  lead: string;
  coordinating: string[];
  timeline: string;
}

/** A generated document: its text and the items it contains. */
export interface GeneratedDocument {
  file: string;
  text: string;
  items: GeneratedItem[];
}

function generateItem(random: () => number, number: number): GeneratedItem {
  const topic = `${pick(random, vocabulary.TASK_VERBS)} ${pick(random, vocabulary.TASK_OBJECTS)} thuộc ${pick(random, vocabulary.TASK_DOMAINS)}`;
  const title = `${topic} ${pick(random, vocabulary.TASK_SCOPES)}, ${pick(random, vocabulary.TASK_PURPOSES)}`;
  const lead = pick(random, vocabulary.UNITS);
  const others = vocabulary.UNITS.filter((unit) => unit !== lead);
  const coordinating = random() < 0.3 ? [pick(random, others), pick(random, others)] : [pick(random, others)];
  return { number, topic, title, lead, coordinating: [...new Set(coordinating)], timeline: pick(random, vocabulary.TIMELINES) };
}

/** The item as the plan writes it; some items use "+" bullets under the coordinating field, as II.6 does. */
function renderItem(random: () => number, item: GeneratedItem): string {
  const body = `${item.number}. ${item.title}; ${pick(random, vocabulary.TASK_VERBS).toLowerCase()} ${pick(random, vocabulary.TASK_OBJECTS)} ${pick(random, vocabulary.TASK_SCOPES)}.`;
  const coordinating =
    item.coordinating.length > 1
      ? `- Đơn vị phối hợp thực hiện:\n\n${item.coordinating.map((unit) => `+ ${unit} phối hợp thực hiện theo chức năng, nhiệm vụ được giao, ${pick(random, vocabulary.TASK_PURPOSES)}.`).join('\n\n')}`
      : `- Đơn vị phối hợp thực hiện: ${item.coordinating[0]}.`;
  return [
    body,
    `- Đơn vị chủ trì thực hiện: ${item.lead}.`,
    coordinating,
    `- Thời gian thực hiện: ${item.timeline}`,
  ].join('\n\n');
}

/** One plan-like document with `itemCount` task items. */
export function generateDocument(seed: number, index: number, itemCount: number): GeneratedDocument {
  const random = createRandom(seed * 1_000_003 + index);
  const items = Array.from({ length: itemCount }, (_, i) => generateItem(random, i + 1));
  const place = pick(random, vocabulary.PLACES);
  const title = `${items[0].title} (kế hoạch sinh tự động số ${index + 1})`;
  const text = [
    GENERATED_MARKER,
    `Số: ${100 + index}/KH-UBND`,
    `${place}, ngày ${1 + Math.floor(random() * 28)} tháng ${1 + Math.floor(random() * 12)} năm 2026`,
    'KẾ HOẠCH',
    title,
    `Căn cứ tình hình thực tiễn của địa phương; Ủy ban nhân dân tỉnh ban hành Kế hoạch số ${index + 1} để tổ chức thực hiện như sau:`,
    'I. MỤC ĐÍCH, YÊU CẦU',
    ...[0, 1, 2].map(() => `- ${pick(random, vocabulary.GOALS)}`),
    'II. NHIỆM VỤ, GIẢI PHÁP',
    ...items.map((item) => renderItem(random, item)),
    'III. TỔ CHỨC THỰC HIỆN',
    '1. Sở Nội vụ',
    `Theo dõi, đôn đốc các cơ quan, đơn vị triển khai Kế hoạch số ${index + 1}; tổng hợp, báo cáo Ủy ban nhân dân tỉnh.`,
    '2. Ủy ban nhân dân các xã, phường',
    `${pick(random, vocabulary.GOALS)}`,
    'Nơi nhận:\n- Thường trực Tỉnh ủy;\n- Các sở, ban, ngành;\n- UBND xã, phường;\n- Lưu: VT.',
    `TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n${pick(random, vocabulary.SIGNERS)}`,
  ].join('\n\n');
  return { file: `ke-hoach-sinh-tu-dong-${String(index + 1).padStart(5, '0')}.txt`, text: `${text}\n`, items };
}

/** An item of a generated corpus: file and item number (address `II.<n>`). */
export interface ItemRef {
  file: string;
  itemNumber: number;
}

/** A question about a generated task, with every item whose topic it names (topics can repeat). */
export interface GeneratedQuestion {
  question: string;
  topic: string;
  targets: ItemRef[];
}

/**
 * Questions about random items, by their topic: who leads, who coordinates, when. Random
 * combinations repeat at scale, so each question lists every item sharing its topic: an answer
 * citing any of them answers it.
 */
export function generateQuestions(documents: GeneratedDocument[], count: number, seed: number): GeneratedQuestion[] {
  const random = createRandom(seed ^ 0x5eed);
  const forms = [
    (topic: string) => `Đơn vị nào chủ trì nhiệm vụ ${topic.toLowerCase()}?`,
    (topic: string) => `Ai phối hợp thực hiện nhiệm vụ ${topic.toLowerCase()}?`,
    (topic: string) => `Thời hạn thực hiện nhiệm vụ ${topic.toLowerCase()} là khi nào?`,
  ];
  const byTopic = new Map<string, ItemRef[]>();
  for (const document of documents) {
    for (const item of document.items) {
      const refs = byTopic.get(item.topic) ?? [];
      refs.push({ file: document.file, itemNumber: item.number });
      byTopic.set(item.topic, refs);
    }
  }
  return Array.from({ length: count }, () => {
    const item = pick(random, pick(random, documents).items);
    return { question: pick(random, forms)(item.topic), topic: item.topic, targets: byTopic.get(item.topic) ?? [] };
  });
}

export interface GenerateCorpusOptions {
  /** Task items in total, spread over documents of `itemsPerDocument` items. */
  items: number;
  itemsPerDocument?: number;
  seed?: number;
}

/** Generates the documents in memory. */
export function generateCorpus(options: GenerateCorpusOptions): GeneratedDocument[] {
  const perDocument = options.itemsPerDocument ?? 50;
  const seed = options.seed ?? 1;
  const documents: GeneratedDocument[] = [];
  for (let remaining = options.items, index = 0; remaining > 0; remaining -= perDocument, index += 1) {
    documents.push(generateDocument(seed, index, Math.min(perDocument, remaining)));
  }
  return documents;
}

/**
 * Writes the documents into `folder` (created when missing), with an empty expected-document
 * registry so ingest reports no missing documents.
 */
export async function writeCorpus(folder: string, documents: GeneratedDocument[]): Promise<void> {
  await mkdir(folder, { recursive: true });
  const registry = { about: GENERATED_MARKER, documents: [] };
  await writeFile(path.join(folder, 'registry.json'), `${JSON.stringify(registry, null, 2)}\n`);
  for (const document of documents) {
    await writeFile(path.join(folder, document.file), document.text);
  }
}

async function main(argv: string[]): Promise<void> {
  const [folder, items, seed] = argv;
  if (!folder || !items) {
    process.stderr.write('Cách dùng: npx tsx bench/generate-corpus.ts <thư mục> <số nhiệm vụ> [seed]\n');
    process.exitCode = 2;
    return;
  }
  const documents = generateCorpus({ items: Number(items), seed: seed ? Number(seed) : 1 });
  await writeCorpus(folder, documents);
  process.stdout.write(`Đã sinh ${documents.length} văn bản, ${items} nhiệm vụ vào ${folder}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  });
}
