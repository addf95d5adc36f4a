/**
 * The command line's snapshot parts: `parley build --out DIR`, the snapshot lines of `parley check`,
 * and how a process opens its knowledge (`PARLEY_SNAPSHOT`, `PARLEY_ROLE`).
 */
import { join } from "node:path";
import { ParleyError } from "../core/errors.js";
import type { KnowledgeBase } from "../index/knowledge-base.js";
import { KnowledgeStore, type StoreEvent } from "../store/knowledge-store.js";
import { SnapshotError, SnapshotReader } from "../store/snapshot.js";
import { snapshotSize } from "../store/snapshot-shards.js";
import { SnapshotStore } from "../store/snapshot-store.js";

export type Role = "writer" | "replica";

/** What the process serves and what it may do. */
export interface Deployment {
  role: Role;
  /** PARLEY_SNAPSHOT: serve this snapshot folder read-only (no knowledge folder). */
  snapshot: string | null;
}

/** What a replica answers to /add. */
export const ADD_ELSEWHERE =
  "This Parley is a read-only replica: articles are added on the writer (the instance started with PARLEY_ROLE=writer and the knowledge folder), and appear here when its new snapshot is published.";

/**
 * Reads PARLEY_ROLE and PARLEY_SNAPSHOT. A snapshot makes the process a replica; a writer needs
 * the knowledge folder, so PARLEY_ROLE=writer with PARLEY_SNAPSHOT is refused.
 *
 * @example
 * parseDeployment({ PARLEY_SNAPSHOT: "/srv/snap" }) // { role: "replica", snapshot: "/srv/snap" }
 */
export function parseDeployment(env: NodeJS.ProcessEnv): Deployment {
  const snapshot = env.PARLEY_SNAPSHOT?.trim() || null;
  const raw = env.PARLEY_ROLE?.trim().toLowerCase() || (snapshot ? "replica" : "writer");
  if (raw !== "writer" && raw !== "replica")
    throw new ParleyError(`Parley: PARLEY_ROLE must be writer or replica, got “${raw.slice(0, 40)}”.`);
  if (raw === "writer" && snapshot)
    throw new ParleyError(
      "Parley: PARLEY_ROLE=writer reads the knowledge folder; PARLEY_SNAPSHOT is for replicas (unset one of them).",
    );
  return { role: raw, snapshot };
}

/** The store a process answers from: a knowledge folder, or a published snapshot. */
export interface OpenedKnowledge {
  current(): KnowledgeBase;
  close(): Promise<void>;
}

/**
 * Opens the knowledge: the snapshot of PARLEY_SNAPSHOT (refused with the reason when it cannot be
 * used), else the knowledge folder (with its cache snapshot unless `snapshots` is false).
 */
export async function openKnowledge(options: {
  dir: string;
  deployment: Deployment;
  snapshots: boolean;
  watch: boolean;
  onEvent: (event: StoreEvent) => void;
}): Promise<OpenedKnowledge> {
  const { deployment, watch, onEvent } = options;
  if (deployment.snapshot) {
    try {
      return await SnapshotStore.open({ dir: deployment.snapshot, watch, onEvent });
    } catch (error) {
      if (error instanceof SnapshotError)
        throw new ParleyError(`${error.message} (PARLEY_SNAPSHOT=${deployment.snapshot}; refusing to start)`);
      throw error;
    }
  }
  return KnowledgeStore.open({
    dir: options.dir,
    cacheDir: options.snapshots ? undefined : false,
    watch,
    onEvent,
  });
}

/**
 * `parley build --knowledge DIR --out OUT`: builds (from the folder's cache snapshot when it can)
 * and writes a snapshot that stands on its own into the folder OUT; exit 1 when it cannot.
 */
export async function buildSnapshot(
  dir: string,
  out: string,
  onEvent: (event: StoreEvent) => void,
  print: (text: string) => void,
): Promise<number> {
  const started = performance.now();
  const store = await KnowledgeStore.open({ dir, onEvent });
  try {
    const failure = await store.saveSnapshot(out);
    if (failure) return 1;
    const manifest = (await SnapshotReader.open(out)).manifest;
    const { bytes, shards } = snapshotSize(manifest);
    print(
      `${out}: snapshot ${manifest.version} written: ${manifest.articles} articles, ${manifest.sentences} sentences, ${(bytes / 1e6).toFixed(1)} MB in ${shards} shards (${Math.round(performance.now() - started)} ms)`,
    );
    return 0;
  } finally {
    await store.close();
  }
}

/**
 * `parley check`'s snapshot line: the snapshot in use (PARLEY_SNAPSHOT, else the folder's cache),
 * read whole so a damaged shard is found. Returns true when it is unusable in a way that matters
 * (damaged, or PARLEY_SNAPSHOT not loadable).
 */
export async function checkSnapshot(
  dir: string,
  deployment: Deployment,
  print: (text: string) => void,
): Promise<boolean> {
  const path = deployment.snapshot ?? join(dir, ".parley-cache");
  const what = deployment.snapshot ? "PARLEY_SNAPSHOT" : "cache snapshot";
  try {
    const reader = await SnapshotReader.open(path);
    await reader.lookups();
    await reader.index();
    await reader.parts();
    const { articles, created, version } = reader.manifest;
    print(`${path}: ${what} ${version} usable (${articles} articles, written ${created})`);
    return false;
  } catch (error) {
    if (!(error instanceof SnapshotError)) throw error;
    print(`${path}: ${what} not usable (${error.reason}): ${error.message}`);
    return deployment.snapshot !== null || error.reason === "corrupt";
  }
}
