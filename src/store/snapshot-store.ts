/**
 * A read-only knowledge base served from a published snapshot (`PARLEY_SNAPSHOT=DIR`, written by
 * `parley build --out DIR`): no knowledge folder is read. When the snapshot is replaced (its
 * manifest renamed into place), the new one is loaded whole, off to the side, then swapped in one
 * synchronous step: an answer sees the old knowledge or the new, never a half-loaded one. A new
 * snapshot that cannot be loaded is reported and the old one keeps serving.
 */
import { unwatchFile, watchFile } from "node:fs";
import { join } from "node:path";
import { runInSlices } from "../core/slices.js";
import type { KnowledgeBase } from "../index/knowledge-base.js";
import type { KnowledgeProblem } from "../knowledge/problems.js";
import { type AssembledKnowledgeBase, restoreSteps } from "./build.js";
import type { StoreEvent } from "./knowledge-store.js";
import { type Manifest, SnapshotError, SnapshotReader } from "./snapshot.js";
import { MANIFEST, readManifest } from "./snapshot-shards.js";

export interface SnapshotStoreOptions {
  /** The snapshot folder (holding `manifest.json`). */
  dir: string;
  /** Follow replacements of the snapshot (default false). */
  watch?: boolean;
  /** How often the manifest is looked at when watching (default 1000 ms). */
  pollMs?: number;
  /** The running code's fingerprint unless given (tests). */
  fingerprint?: string;
  onEvent?: (event: StoreEvent) => void;
}

/** Attempts per load: the writer may replace the snapshot (and prune its folder) while it is read. */
const ATTEMPTS = 3;

/** Loads a snapshot whole: look-ups, then the index, then the tables answers read. */
async function load(
  dir: string,
  fingerprint?: string,
): Promise<{ kb: AssembledKnowledgeBase; manifest: Manifest }> {
  for (let attempt = 1; ; attempt++) {
    let version: string | null = null;
    try {
      const reader = await SnapshotReader.open(dir, fingerprint);
      version = reader.manifest.version;
      const lookups = await reader.lookups();
      const index = await reader.index();
      const texts = new Map(lookups.articles.map((text) => [text.article.id, text]));
      const kb = await runInSlices(restoreSteps(texts, index, lookups.analysis, lookups.timeline));
      return { kb, manifest: reader.manifest };
    } catch (error) {
      // Replaced while being read (its folder pruned): the manifest names another version now.
      const now = await readManifest(dir).catch(() => null);
      const replaced = version !== null && now !== null && now.version !== version;
      if (!replaced || attempt >= ATTEMPTS) throw error;
    }
  }
}

export class SnapshotStore {
  private watching = false;
  private checking: Promise<boolean> | undefined;
  private checkAgain = false;

  private constructor(
    private readonly options: SnapshotStoreOptions,
    private kb: AssembledKnowledgeBase,
    private manifest: Manifest,
  ) {}

  /**
   * Loads the snapshot in `options.dir`. Throws a {@link SnapshotError} saying why when it is
   * missing, damaged or made by other code: a replica refuses to start rather than serve nothing.
   *
   * @example
   * const store = await SnapshotStore.open({ dir: "/srv/parley/snapshot", watch: true });
   */
  static async open(options: SnapshotStoreOptions): Promise<SnapshotStore> {
    const started = performance.now();
    const { kb, manifest } = await load(options.dir, options.fingerprint);
    const store = new SnapshotStore(options, kb, manifest);
    options.onEvent?.({
      type: "ready",
      articles: kb.articles.length,
      source: "snapshot",
      ms: performance.now() - started,
    });
    if (options.watch) store.startWatching();
    return store;
  }

  /** The live knowledge base: always whole and consistent. Do not keep it across awaits. */
  current(): KnowledgeBase {
    return this.kb;
  }

  /** The snapshot version now served (its manifest's `version`). */
  version(): string {
    return this.manifest.version;
  }

  /** A snapshot has no file problems to report (`parley build` reported them). */
  problems(): readonly KnowledgeProblem[] {
    return [];
  }

  /**
   * Looks at the manifest and, when it names a new version, loads it whole and swaps it in.
   * Resolves true when it swapped; a failure is reported and the served snapshot stays.
   */
  refresh(): Promise<boolean> {
    if (this.checking) {
      this.checkAgain = true;
      return this.checking;
    }
    this.checking = this.runRefresh().finally(() => {
      this.checking = undefined;
      if (this.checkAgain) {
        this.checkAgain = false;
        void this.refresh();
      }
    });
    return this.checking;
  }

  private async runRefresh(): Promise<boolean> {
    const started = performance.now();
    try {
      const next = await readManifest(this.options.dir);
      if (next.version === this.manifest.version) return false;
      const { kb, manifest } = await load(this.options.dir, this.options.fingerprint);
      // Nothing awaits from here: the swap is one step.
      this.kb = kb;
      this.manifest = manifest;
      this.options.onEvent?.({
        type: "snapshot-switched",
        version: manifest.version,
        articles: kb.articles.length,
        ms: performance.now() - started,
      });
      return true;
    } catch (error) {
      this.options.onEvent?.({ type: "reload-failed", error });
      return false;
    }
  }

  private startWatching(): void {
    this.watching = true;
    watchFile(
      this.manifestPath(),
      { interval: this.options.pollMs ?? 1000, persistent: false },
      this.onChange,
    );
  }

  private readonly onChange = (): void => {
    void this.refresh();
  };

  private manifestPath(): string {
    return join(this.options.dir, MANIFEST);
  }

  /** Stops following the snapshot and waits for a load in progress. */
  async close(): Promise<void> {
    if (this.watching) unwatchFile(this.manifestPath(), this.onChange);
    this.watching = false;
    await this.checking?.catch(() => undefined);
  }
}
