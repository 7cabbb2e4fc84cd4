/**
 * The vector graph searched in JavaScript, step for step as hnswlib-node's `searchKnn` does it
 * (hnswlib 0.8, cosine space, SSE inner product), for indexes small enough to hold the graph
 * twice. Why: a query embeds to a few dozen non-zero features of 512, and hnswlib computes every
 * distance over all 512 and calls back into JavaScript for every node a filtered search visits;
 * here a distance reads the query's non-zero features only and a filter is a plain call.
 *
 * Same results, not similar ones: each distance is summed in float32 in the order the SSE code
 * sums it (four lanes of every fourth feature, then the lanes left to right; a zero feature adds
 * nothing exactly), and the two heaps are libstdc++'s `priority_queue` over distance alone, so
 * ties leave the heaps as they leave hnswlib's. `matchesNative` checks a graph against the
 * native search before it is used; any difference, or a file this reader does not expect, keeps
 * the native search.
 */
import type { HierarchicalNSW } from 'hnswlib-node';

/** hnswlib's index file, as read: level-0 links and vectors of every node, upper levels' links. */
export interface GraphFile {
  count: number;
  dimensions: number;
  maxLevel: number;
  entryPoint: number;
  /** Level-0 neighbours of node i: links0[i * maxM0 …], `links0Count[i]` of them. */
  maxM0: number;
  links0: Int32Array;
  links0Count: Uint16Array;
  /**
   * The vectors' non-zero values (unit length, float32) by feature: feature f's nodes are
   * featureNodes[featureStarts[f] … featureStarts[f + 1]], ascending, with featureValues alike.
   * A query's few features then read a few contiguous runs, and skip the nodes without them (a
   * third of the values are non-zero; a zero adds nothing to a sum, exactly).
   */
  featureStarts: Int32Array;
  featureNodes: Int32Array;
  featureValues: Float32Array;
  labels: Float64Array;
  /** Per node, per level ≥ 1, its neighbours. */
  upper: Array<Int32Array[] | null>;
}

const fround = Math.fround;

/** Reads an hnswlib index file; null when its layout is not the one this reader knows (or a node is marked deleted). */
export function readGraphFile(bytes: Uint8Array, dimensions: number): GraphFile | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  const size = () => {
    const value = Number(view.getBigUint64(at, true));
    at += 8;
    return value;
  };
  const int = () => {
    const value = view.getInt32(at, true);
    at += 4;
    return value;
  };
  const offsetLevel0 = size();
  size(); // max elements
  const count = size();
  const perElement = size();
  const labelOffset = size();
  const offsetData = size();
  const maxLevel = int();
  const entryPoint = int();
  const maxM = size();
  const maxM0 = size();
  size(); // M
  at += 8; // mult (double)
  size(); // ef construction
  if (dimensions % 16 !== 0 || offsetLevel0 !== 0 || offsetData !== 4 + 4 * maxM0 || labelOffset !== offsetData + 4 * dimensions || perElement !== labelOffset + 8) return null;
  const level0 = at;
  if (bytes.byteLength < level0 + count * perElement) return null;
  const links0 = new Int32Array(count * maxM0);
  const links0Count = new Uint16Array(count);
  const labels = new Float64Array(count);
  // Counted first, so each feature's run is sized before it is filled.
  const featureStarts = new Int32Array(dimensions + 1);
  for (let node = 0; node < count; node += 1) {
    const base = level0 + node * perElement;
    links0Count[node] = view.getUint16(base, true);
    // A deleted node changes the search (hnswlib skips it): not handled here.
    if (view.getUint8(base + 2) !== 0 || links0Count[node] > maxM0) return null;
    for (let j = 0; j < links0Count[node]; j += 1) links0[node * maxM0 + j] = view.getInt32(base + 4 + 4 * j, true);
    for (let d = 0; d < dimensions; d += 1) if (view.getFloat32(base + offsetData + 4 * d, true) !== 0) featureStarts[d + 1] += 1;
    labels[node] = Number(view.getBigUint64(base + labelOffset, true));
  }
  for (let d = 0; d < dimensions; d += 1) featureStarts[d + 1] += featureStarts[d];
  const featureNodes = new Int32Array(featureStarts[dimensions]);
  const featureValues = new Float32Array(featureStarts[dimensions]);
  const cursor = featureStarts.slice(0, dimensions);
  for (let node = 0; node < count; node += 1) {
    const base = level0 + node * perElement + offsetData;
    for (let d = 0; d < dimensions; d += 1) {
      const value = view.getFloat32(base + 4 * d, true);
      if (value === 0) continue;
      featureNodes[cursor[d]] = node;
      featureValues[cursor[d]] = value;
      cursor[d] += 1;
    }
  }
  at = level0 + count * perElement;
  const perLevel = 4 + 4 * maxM;
  const upper: Array<Int32Array[] | null> = new Array(count).fill(null);
  for (let node = 0; node < count; node += 1) {
    if (at + 4 > bytes.byteLength) return null;
    const length = view.getUint32(at, true);
    at += 4;
    if (length === 0) continue;
    if (length % perLevel !== 0 || at + length > bytes.byteLength) return null;
    const levels: Int32Array[] = [];
    for (let level = 0; level < length / perLevel; level += 1) {
      const base = at + level * perLevel;
      const links = new Int32Array(view.getUint16(base, true));
      for (let j = 0; j < links.length; j += 1) links[j] = view.getInt32(base + 4 + 4 * j, true);
      levels.push(links);
    }
    upper[node] = levels;
    at += length;
  }
  return { count, dimensions, maxLevel, entryPoint, maxM0, links0, links0Count, featureStarts, featureNodes, featureValues, labels, upper };
}

/** The query as the native search sees it: float32, normalized in float32 as hnswlib-node does; its non-zero features. */
function preparedQuery(vector: readonly number[]): { features: Int32Array; values: Float32Array } {
  let sum = 0;
  let nonZero = 0;
  for (let feature = 0; feature < vector.length; feature += 1) {
    const value = fround(vector[feature]);
    sum = fround(sum + fround(value * value));
    if (value !== 0) nonZero += 1;
  }
  const norm = fround(Math.sqrt(Math.abs(sum)));
  // Read in one pass into arrays sized by the count (a value that scales to zero leaves its slot unused).
  const features = new Int32Array(nonZero);
  const values = new Float32Array(nonZero);
  let kept = 0;
  for (let feature = 0; feature < vector.length; feature += 1) {
    const value = fround(vector[feature]);
    const scaled = norm > 0 ? fround(value / norm) : value;
    if (scaled !== 0) {
      features[kept] = feature;
      values[kept] = scaled;
      kept += 1;
    }
  }
  return kept === nonZero ? { features, values } : { features: features.slice(0, kept), values: values.slice(0, kept) };
}

/**
 * 1 − inner product of the query with every node, each summed as `InnerProductSIMD16ExtSSE` sums
 * it: four float32 lanes (lane j adds the products of features j, j + 4, …, in that order), then
 * the lanes left to right. The search reads these instead of computing each distance it visits:
 * on a small graph it visits nearly every node anyway.
 */
function allDistances(graph: GraphFile, features: Int32Array, values: Float32Array): Float64Array {
  const count = graph.count;
  // Float32 lanes: storing the double sum of two float32 numbers rounds it as a float32 addition does.
  const { lanes, distances } = buffersOf(graph);
  for (const lane of lanes) lane.fill(0);
  const { featureStarts, featureNodes, featureValues } = graph;
  for (let i = 0; i < features.length; i += 1) {
    const lane = lanes[features[i] & 3];
    const value = values[i];
    const end = featureStarts[features[i] + 1];
    for (let at = featureStarts[features[i]]; at < end; at += 1) lane[featureNodes[at]] += fround(value * featureValues[at]);
  }
  const [lane0, lane1, lane2, lane3] = lanes;
  for (let node = 0; node < count; node += 1) distances[node] = fround(1 - fround(fround(fround(lane0[node] + lane1[node]) + lane2[node]) + lane3[node]));
  return distances;
}

/** libstdc++'s binary heap (`push_heap` / `pop_heap`) over (key, node), ordered by key alone: the same ties, the same order. */
class Heap {
  readonly keys: Float64Array;
  readonly nodes: Int32Array;
  size = 0;

  /** Room for `capacity` entries: a search never holds more than the graph's nodes in either heap. */
  constructor(capacity: number) {
    this.keys = new Float64Array(capacity);
    this.nodes = new Int32Array(capacity);
  }

  push(key: number, node: number): void {
    this.size += 1;
    this.siftUp(this.size - 1, key, node);
  }

  pop(): void {
    const last = this.size - 1;
    if (last > 0) {
      const key = this.keys[last];
      const node = this.nodes[last];
      this.keys[last] = this.keys[0];
      this.nodes[last] = this.nodes[0];
      this.adjust(last, key, node);
    }
    this.size = last;
  }

  /** `__push_heap` (top 0): the hole moves up while its parent's key is less than the value's. */
  private siftUp(start: number, key: number, node: number): void {
    let hole = start;
    let parent = (hole - 1) >> 1;
    while (hole > 0 && this.keys[parent] < key) {
      this.keys[hole] = this.keys[parent];
      this.nodes[hole] = this.nodes[parent];
      hole = parent;
      parent = (hole - 1) >> 1;
    }
    this.keys[hole] = key;
    this.nodes[hole] = node;
  }

  /** `__adjust_heap` from the root over the first `length` entries. */
  private adjust(length: number, key: number, node: number): void {
    let hole = 0;
    let child = 0;
    while (child < (length - 1) >> 1) {
      child = 2 * (child + 1);
      if (this.keys[child] < this.keys[child - 1]) child -= 1;
      this.keys[hole] = this.keys[child];
      this.nodes[hole] = this.nodes[child];
      hole = child;
    }
    if ((length & 1) === 0 && child === (length - 2) >> 1) {
      child = 2 * (child + 1);
      this.keys[hole] = this.keys[child - 1];
      this.nodes[hole] = this.nodes[child - 1];
      hole = child - 1;
    }
    this.siftUp(hole, key, node);
  }
}

/** What one search writes, sized to the graph and kept with it: a search runs to its end without yielding (and a filter never searches), so one set serves every search. */
interface SearchBuffers {
  lanes: [Float32Array, Float32Array, Float32Array, Float32Array];
  distances: Float64Array;
  /** Each node enters each heap at most once (it is visited once); the top heap holds one more than ef at most. */
  top: Heap;
  candidates: Heap;
  visited: Uint8Array;
}

const searchBuffers = new WeakMap<GraphFile, SearchBuffers>();

function buffersOf(graph: GraphFile): SearchBuffers {
  let buffers = searchBuffers.get(graph);
  if (!buffers) {
    const count = graph.count;
    buffers = {
      lanes: [new Float32Array(count), new Float32Array(count), new Float32Array(count), new Float32Array(count)],
      distances: new Float64Array(count),
      top: new Heap(count + 1),
      candidates: new Heap(count + 1),
      visited: new Uint8Array(count),
    };
    searchBuffers.set(graph, buffers);
  }
  return buffers;
}

/** The k nearest labels (and distances) of `vector`, nearest first, ties by label: hnswlib-node's `searchKnn` result. */
export function searchGraph(
  graph: GraphFile,
  ef: number,
  vector: readonly number[],
  k: number,
  allowed?: (label: number) => boolean,
): { neighbors: number[]; distances: number[] } {
  if (graph.count === 0) return { neighbors: [], distances: [] };
  const { features, values } = preparedQuery(vector);
  const distance = allDistances(graph, features, values);
  let current = graph.entryPoint;
  let currentDistance = distance[current];
  for (let level = graph.maxLevel; level > 0; level -= 1) {
    let changed = true;
    while (changed) {
      changed = false;
      const links = graph.upper[current]?.[level - 1] ?? new Int32Array(0);
      for (const candidate of links) {
        const d = distance[candidate];
        if (d < currentDistance) {
          currentDistance = d;
          current = candidate;
          changed = true;
        }
      }
    }
  }
  const top = baseLayer(graph, distance, current, Math.max(ef, k), allowed);
  while (top.size > k) top.pop();
  const order = Array.from({ length: top.size }, (_, index) => index).sort((a, b) => top.keys[a] - top.keys[b] || graph.labels[top.nodes[a]] - graph.labels[top.nodes[b]]);
  return { neighbors: order.map((index) => graph.labels[top.nodes[index]]), distances: order.map((index) => top.keys[index]) };
}

/** `searchBaseLayerST`: bare without a filter, with the filter's checks otherwise (no stop condition, nothing deleted). */
function baseLayer(graph: GraphFile, distance: Float64Array, entry: number, ef: number, allowed?: (label: number) => boolean): Heap {
  const { top, candidates, visited } = buffersOf(graph);
  top.size = 0;
  candidates.size = 0;
  visited.fill(0);
  let lowerBound: number;
  if (!allowed || allowed(graph.labels[entry])) {
    const d = distance[entry];
    lowerBound = d;
    top.push(d, entry);
    candidates.push(-d, entry);
  } else {
    lowerBound = fround(3.4028234663852886e38);
    candidates.push(-lowerBound, entry);
  }
  visited[entry] = 1;
  while (candidates.size > 0) {
    const candidateDistance = -candidates.keys[0];
    const node = candidates.nodes[0];
    if (allowed ? candidateDistance > lowerBound && top.size === ef : candidateDistance > lowerBound) break;
    candidates.pop();
    const start = node * graph.maxM0;
    for (let j = 0; j < graph.links0Count[node]; j += 1) {
      const neighbour = graph.links0[start + j];
      if (visited[neighbour]) continue;
      visited[neighbour] = 1;
      const d = distance[neighbour];
      if (top.size < ef || lowerBound > d) {
        candidates.push(-d, neighbour);
        if (!allowed || allowed(graph.labels[neighbour])) top.push(d, neighbour);
        while (top.size > ef) top.pop();
        if (top.size > 0) lowerBound = top.keys[0];
      }
    }
  }
  return top;
}

/**
 * Whether the JavaScript search gives exactly the native search's results on these queries, at
 * several depths, with and without a filter (neighbours and distances alike).
 */
export function matchesNative(graph: GraphFile, native: HierarchicalNSW, queries: readonly number[][], filter: (label: number) => boolean): boolean {
  const ef = native.getEf();
  if (queries.length === 0) return false;
  for (const query of queries) {
    for (const k of [10, Math.min(graph.count, ef + 40)]) {
      if (k > graph.count) continue;
      for (const allowed of [undefined, filter]) {
        const mine = searchGraph(graph, ef, query, k, allowed);
        const theirs = native.searchKnn(query, k, allowed);
        if (mine.neighbors.length !== theirs.neighbors.length) return false;
        for (let i = 0; i < mine.neighbors.length; i += 1) {
          if (mine.neighbors[i] !== theirs.neighbors[i] || mine.distances[i] !== theirs.distances[i]) return false;
        }
      }
    }
  }
  return true;
}

/** Largest graph searched in JavaScript: every search reads every node, and the vectors are held a second time. */
export const MAX_GRAPH_NODES = 5_000;
/** Passages whose openings check the JavaScript search against the native one when an index is loaded. */
const CHECK_QUERIES = 4;

/**
 * The graph of the index file (read by `readIndexFile`) for the JavaScript search, or null (the native search is used): too
 * many nodes, a layout not understood, or any difference from the native search on queries made
 * from the passages' openings (`embed` embeds them as questions are).
 */
export async function checkedGraph(
  readIndexFile: () => Promise<Uint8Array>,
  native: HierarchicalNSW,
  texts: readonly string[],
  documentOf: (label: number) => string,
  embed: (text: string) => Promise<number[]>,
): Promise<GraphFile | null> {
  const count = native.getCurrentCount();
  if (count === 0 || count > MAX_GRAPH_NODES || texts.length !== count) return null;
  const graph = readGraphFile(await readIndexFile(), native.getNumDimensions());
  if (!graph || graph.count !== count) return null;
  const step = Math.max(1, Math.floor(count / CHECK_QUERIES));
  const queries: number[][] = [];
  for (let label = 0; label < count && queries.length < CHECK_QUERIES; label += step) {
    const vector = await embed(texts[label].slice(0, 120));
    if (vector.some((value) => value !== 0)) queries.push(vector);
  }
  const firstDocument = documentOf(0);
  return matchesNative(graph, native, queries, (label) => documentOf(label) === firstDocument) ? graph : null;
}
