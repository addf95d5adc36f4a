/**
 * The search index in a snapshot, compact: MiniSearch's own serialisation (`toJSON`) makes one
 * object per term and per posting list, keyed by number strings, which is slow both to decode and
 * for `loadJS` to turn into maps (half of a snapshot start at 1,000 articles). Here the postings
 * are numbers in one `Uint32Array` per block of terms, decoded straight into the maps the index
 * holds.
 *
 * Block layout: for term i, `data[offsets[i] .. offsets[i + 1]]` is a run of
 * `fieldId, count, (shortDocumentId, termFrequency) × count`, once per field.
 */
import MiniSearch, { type AsPlainObject } from "minisearch";
import { pauseEvery, type Steps } from "../core/slices.js";
import { type IndexedSentence, SENTENCE_INDEX_OPTIONS } from "../index/sentence-index.js";
import { SnapshotError } from "./snapshot-shards.js";

export interface IndexBlock {
  terms: string[];
  offsets: Uint32Array;
  data: Uint32Array;
}

/** The index header: everything `toJSON` gives but the terms. */
export type IndexMeta = Omit<AsPlainObject, "index">;

/** Numbers per block (4 bytes each): blocks, hence shards, stay near 16 MB whatever the corpus. */
const BLOCK_NUMBERS = 4 * 2 ** 20;

/** MiniSearch's term tree (its one private field used here: MiniSearch is pinned at an exact version). */
interface TermTree extends Iterable<[string, Map<number, Map<number, number>>]> {
  set(term: string, data: Map<number, Map<number, number>>): unknown;
}

/** The term tree of an index, checked (the round-trip test in tests/store/snapshot.test.ts uses it). */
function termTree(index: MiniSearch<IndexedSentence>): TermTree {
  const tree = (index as unknown as { _index?: TermTree })._index;
  if (!tree || typeof tree.set !== "function" || typeof tree[Symbol.iterator] !== "function")
    throw new SnapshotError(
      "stale",
      "index cannot be stored or restored by this MiniSearch version: rebuild it",
    );
  return tree;
}

/**
 * Splits an index into its header and compact blocks of terms. The postings are read from the
 * term tree as they are: `toJSON` would first build an object per term and per posting list
 * (gigabytes at 100,000 articles).
 *
 * @example
 * const { meta, blocks } = encodeIndex(index); // blocks[0].terms[0] === "abbas"
 */
export function encodeIndex(index: MiniSearch<IndexedSentence>): { meta: IndexMeta; blocks: IndexBlock[] } {
  const tree = termTree(index);
  // The header alone: toJSON on a view of the index whose term tree is empty.
  const header = Object.create(index, { _index: { value: [] } }) as MiniSearch<IndexedSentence>;
  const { index: noTerms, ...meta } = MiniSearch.prototype.toJSON.call(header);
  if (noTerms.length !== 0) throw new Error("Parley: the index header came with terms");
  const blocks: IndexBlock[] = [];
  let names: string[] = [];
  let offsets: number[] = [0];
  let data: number[] = [];
  const close = (): void => {
    if (names.length === 0) return;
    blocks.push({ terms: names, offsets: Uint32Array.from(offsets), data: Uint32Array.from(data) });
    names = [];
    offsets = [0];
    data = [];
  };
  for (const [term, fields] of tree) {
    names.push(term);
    for (const [fieldId, postings] of fields) {
      data.push(fieldId, postings.size);
      for (const [doc, frequency] of postings) data.push(doc, frequency);
    }
    offsets.push(data.length);
    if (data.length >= BLOCK_NUMBERS) close();
  }
  close();
  return { meta, blocks };
}

/**
 * Rebuilds the index from its header and blocks, in steps (see core/slices.ts).
 *
 * @throws SnapshotError (`corrupt`) when a block does not decode.
 */
export function* decodeIndex(
  meta: IndexMeta,
  blocks: readonly IndexBlock[],
): Steps<MiniSearch<IndexedSentence>> {
  // The header through the public loader; the terms are set directly (no objects in between).
  const index = MiniSearch.loadJS<IndexedSentence>({ ...meta, index: [] }, SENTENCE_INDEX_OPTIONS);
  const tree = termTree(index);
  const pause = pauseEvery(1024);
  for (const { terms, offsets, data } of blocks) {
    if (offsets.length !== terms.length + 1 || offsets[terms.length] !== data.length)
      throw new SnapshotError("corrupt", "index block does not add up (damaged)");
    for (let t = 0; t < terms.length; t++) {
      const fields = new Map<number, Map<number, number>>();
      let at = offsets[t]!;
      const end = offsets[t + 1]!;
      while (at < end) {
        const fieldId = data[at]!;
        const count = data[at + 1]!;
        const postings = new Map<number, number>();
        for (let k = 0, p = at + 2; k < count; k++, p += 2) postings.set(data[p]!, data[p + 1]!);
        fields.set(fieldId, postings);
        at += 2 + count * 2;
      }
      if (at !== end) throw new SnapshotError("corrupt", `index postings of "${terms[t]}" do not add up`);
      tree.set(terms[t]!, fields);
      if (pause()) yield;
    }
  }
  return index;
}
