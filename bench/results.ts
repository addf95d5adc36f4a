/**
 * The shape of the benchmark's figures (`bench/out/results.json`). Times in ms, sizes in bytes.
 */
import type { Latency } from "./stats.js";

export interface StoreFigures {
  /** `KnowledgeStore.open` with snapshots disabled: load, split, analyse, index, assemble. */
  readyFromNothingMs: number;
  /** The same full build with the articles prepared on every core (the worker pool), whole build. */
  fullBuildAllCores?: { ms: number; threads: number; articlesPerSecond: number };
  /** `KnowledgeStore.open` with a snapshot of the unchanged files. */
  readyFromSnapshotMs: number;
  /** `SnapshotStore.open` (PARLEY_SNAPSHOT: a replica, no knowledge folder read). */
  readyReplicaMs?: number;
  /** The snapshot the store wrote after the full build: bytes on disk, shards, write time. */
  snapshot: { bytes: number; writeMs: number; shards?: number };
  /** The store reported that it started from the snapshot (not a rebuild). */
  snapshotUsed: boolean;
  reload: {
    /** `store.reload()` after one article changed. */
    ms: number;
    /** Longest event-loop stall seen during that reload. */
    maxStallMs: number;
    changedArticles: number;
    /** The reload that undoes the edit (a second sample). */
    undoMs: number;
    undoMaxStallMs: number;
  };
}

export interface EndToEndFigures {
  interactions: number;
  inFlight: number;
  /** From dispatching INTERACTION_CREATE on the gateway to the reply arriving on the REST stand-in. */
  latency: Latency;
  /** Interactions that got no reply, or an error reply. */
  failures: number;
  /** Commands sent, for the record. */
  commands: string[];
  /** The harness floor: the same run answering `/help` only (nothing to compute). */
  helpFloor?: Latency;
}

export interface SizeResult extends StoreFigures {
  articles: number;
  sentences: number;
  paragraphs: number;
  corpusBytes: number;
  /** Reading and validating the files (`loadKnowledge`). */
  loadMs: number;
  analysis: { splitMs: number; analyzeMs: number; articlesPerSecond: number; sentencesPerSecond: number };
  /** Parley's sentence index over all sentences. */
  indexBuildMs: number;
  /** Combining the per-article analyses and precomputing answer lookups. */
  assembleMs: number;
  bareIndexBuildMs: number;
  /** FlexSearch over the same sentences (the `ask` speed baseline). */
  flexIndexBuildMs?: number;
  /** `ask`'s top 10 against exhaustive BM25 over the same words (mean share kept, ties counted). */
  askRecallAt10?: number;
  heap: {
    /** Everything Parley holds beyond the loaded articles: sentences, analysis, index, lookups. */
    parleyBytes: number;
    /** Parley's heap by build phase: sentences, per-article analyses, index, combined analysis and lookups. */
    parleyPhases?: {
      sentencesBytes: number;
      perArticleAnalysesBytes: number;
      indexBytes: number;
      assembledBytes: number;
    };
    /** The sentence objects alone. */
    sentencesBytes: number;
    /** The bare MiniSearch index alone. */
    bareIndexBytes: number;
    /** What a naive bot holds beyond the articles: the sentences and the bare index. */
    bareTotalBytes: number;
  };
  entities: number;
  quotes: number;
  statusEvents: number;
  /** Share of queries that got an answer (not a "not found" user error). */
  answered: Record<string, number>;
  /** who, quote, status, ask, complete (Parley); mapFloor; bareName, bareQuote, bareStatus, bareAsk; flexAsk. */
  latency: Record<string, Latency>;
  e2e?: EndToEndFigures;
}

export interface Target {
  name: string;
  /** What is compared, e.g. `who p99 / bare name p99`. */
  measure: string;
  value: number;
  limit: number;
  /** `ratio` or an absolute figure in ms (at most the limit), or a `share` (at least the limit). */
  unit: "ratio" | "ms" | "share";
  pass: boolean;
}

export interface BenchResults {
  date: string;
  machine: { cpu: string; cores: number; memoryGiB: number; node: string; platform: string };
  command: string;
  seed: number;
  sizes: SizeResult[];
  targets: Record<string, Target[]>;
}
