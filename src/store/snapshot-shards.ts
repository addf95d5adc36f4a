/**
 * The snapshot's container: a folder holding `manifest.json` and one versioned subfolder of shards.
 *
 * - Each shard is `v8.serialize` of a bounded slice of one section (at most {@link SHARD_BYTES}, so no
 *   Buffer or string limit is ever near), checked on read by its byte length and CRC-32.
 * - Writing is atomic for readers: the shards go into a new `v-<version>/` folder, then the manifest
 *   is written to a temporary name and renamed over `manifest.json`. A reader that has read the
 *   manifest finds every shard it names; older folders are removed, keeping the previous one for a
 *   reader still loading it.
 * - Every failure is a {@link SnapshotError} whose message says what and why.
 */
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { crc32 } from "node:zlib";

/** Bump when the layout or a section's shape changes. */
export const SNAPSHOT_FORMAT = 2;
export const MANIFEST = "manifest.json";
/** Largest shard written (a slice of items is halved until it fits, unless one item alone is larger). */
export const SHARD_BYTES = 64 * 2 ** 20;

/**
 * Why a snapshot cannot be used: `missing` (none yet), `stale` (made by other code, another V8, or
 * for other articles: rebuild), `corrupt` (unreadable or damaged), `unwritable` (could not be saved).
 */
export type SnapshotFailure = "missing" | "stale" | "corrupt" | "unwritable";

export class SnapshotError extends Error {
  constructor(
    readonly reason: SnapshotFailure,
    message: string,
  ) {
    super(`Parley: snapshot ${message}`);
    this.name = "SnapshotError";
  }
}

export interface ShardInfo {
  file: string;
  bytes: number;
  crc: number;
  items: number;
}

export interface Manifest {
  format: number;
  /** Unique per write; a replica swaps when it changes. */
  version: string;
  /** The subfolder holding the shards. */
  folder: string;
  /** The code that made it (snapshot.ts codeFingerprint). */
  fingerprint: string;
  /** V8's version: `v8.serialize` data is read back by the same engine. */
  v8: string;
  /** Hash of the article set (ids, paths, content hashes) and people.yaml. */
  key: string;
  created: string;
  articles: number;
  sentences: number;
  sections: Record<string, ShardInfo[]>;
  /** Small values stored in the manifest itself. */
  meta: Record<string, unknown>;
}

/** Bytes on disk and number of shards of a snapshot, from its manifest. */
export function snapshotSize(manifest: Manifest): { bytes: number; shards: number } {
  const shards = Object.values(manifest.sections).flat();
  return { bytes: shards.reduce((sum, shard) => sum + shard.bytes, 0), shards: shards.length };
}

export type ManifestFields = Pick<Manifest, "fingerprint" | "key" | "articles" | "sentences" | "meta">;

/** Writes one snapshot's shards into a fresh versioned folder, then publishes them with the manifest. */
export class ShardWriter {
  readonly version = `${Date.now().toString(36)}-${randomBytes(4).toString("hex")}`;
  readonly folder = `v-${this.version}`;
  private readonly sections: Record<string, ShardInfo[]> = {};
  private bytes = 0;

  constructor(private readonly root: string) {}

  /** Total bytes written so far (shards and, after commit, the manifest). */
  get size(): number {
    return this.bytes;
  }

  /** Writes `items` as one section, `perShard` items at a time (halved while a shard is too big). */
  async section(name: string, items: readonly unknown[], perShard: number): Promise<void> {
    await mkdir(join(this.root, this.folder), { recursive: true });
    const shards: ShardInfo[] = this.sections[name] ?? [];
    this.sections[name] = shards;
    const write = async (from: number, to: number): Promise<void> => {
      const buffer = serialize(items.slice(from, to));
      if (buffer.length > SHARD_BYTES && to - from > 1) {
        const middle = (from + to) >> 1;
        await write(from, middle);
        await write(middle, to);
        return;
      }
      const file = `${name}-${String(shards.length).padStart(4, "0")}.bin`;
      await writeFile(join(this.root, this.folder, file), buffer);
      shards.push({ file, bytes: buffer.length, crc: crc32(buffer), items: to - from });
      this.bytes += buffer.length;
    };
    for (let from = 0; from < items.length; from += perShard)
      await write(from, Math.min(items.length, from + perShard));
  }

  /** Publishes the snapshot: the manifest renamed into place last, then older folders removed. */
  async commit(fields: ManifestFields): Promise<Manifest> {
    await mkdir(join(this.root, this.folder), { recursive: true });
    const previous = await readManifest(this.root).catch(() => null);
    const manifest: Manifest = {
      format: SNAPSHOT_FORMAT,
      version: this.version,
      folder: this.folder,
      v8: process.versions.v8,
      created: new Date().toISOString(),
      sections: this.sections,
      ...fields,
    };
    const text = JSON.stringify(manifest);
    const temporary = join(this.root, `.${MANIFEST}.${this.version}.tmp`);
    await writeFile(temporary, text);
    await rename(temporary, join(this.root, MANIFEST));
    this.bytes += Buffer.byteLength(text);
    const keep = new Set([this.folder, previous?.folder]);
    for (const entry of await readdir(this.root)) {
      // Older folders, and the JSON snapshot of format 1 (hundreds of MB at 10,000 articles).
      if ((entry.startsWith("v-") && !keep.has(entry)) || entry === "snapshot.json")
        await rm(join(this.root, entry), { recursive: true, force: true });
    }
    return manifest;
  }

  /** Removes the unpublished folder (after a failed write). */
  async discard(): Promise<void> {
    await rm(join(this.root, this.folder), { recursive: true, force: true });
  }
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && "code" in error ? String(error.code) : undefined;
}

/** Reads and checks the manifest of a snapshot folder. */
export async function readManifest(root: string): Promise<Manifest> {
  let text: string;
  try {
    text = await readFile(join(root, MANIFEST), "utf8");
  } catch (error) {
    if (errorCode(error) === "ENOENT")
      throw new SnapshotError("missing", `not found: no ${join(root, MANIFEST)}`);
    throw new SnapshotError("corrupt", `${join(root, MANIFEST)} cannot be read: ${String(error)}`);
  }
  let manifest: Manifest;
  try {
    manifest = JSON.parse(text) as Manifest;
  } catch {
    throw new SnapshotError("corrupt", `${join(root, MANIFEST)} is not valid JSON (damaged or cut short)`);
  }
  if (manifest.format !== SNAPSHOT_FORMAT)
    throw new SnapshotError(
      "stale",
      `${root} has format ${String(manifest.format)}, this Parley reads format ${SNAPSHOT_FORMAT}: rebuild it`,
    );
  if (typeof manifest.sections !== "object" || manifest.sections === null || !manifest.folder)
    throw new SnapshotError("corrupt", `${join(root, MANIFEST)} lacks its list of shards`);
  if (manifest.v8 !== process.versions.v8)
    throw new SnapshotError(
      "stale",
      `${root} was written by V8 ${manifest.v8}, this Node runs V8 ${process.versions.v8}: rebuild it`,
    );
  return manifest;
}

/** Reads every shard of a section, checking each, and returns the items in order. */
export async function readSection<T>(root: string, manifest: Manifest, name: string): Promise<T[]> {
  const shards = manifest.sections[name];
  if (!shards) throw new SnapshotError("corrupt", `${root} has no section "${name}"`);
  const items: T[] = [];
  for (const shard of shards) {
    const path = join(root, manifest.folder, shard.file);
    let buffer: Buffer;
    try {
      buffer = await readFile(path);
    } catch (error) {
      throw new SnapshotError("corrupt", `shard ${path} cannot be read: ${String(error)}`);
    }
    if (buffer.length !== shard.bytes)
      throw new SnapshotError(
        "corrupt",
        `shard ${path} is ${buffer.length} bytes, the manifest says ${shard.bytes} (cut short or replaced)`,
      );
    if (crc32(buffer) !== shard.crc)
      throw new SnapshotError("corrupt", `shard ${path} fails its checksum (damaged on disk)`);
    let slice: unknown;
    try {
      slice = deserialize(buffer);
    } catch (error) {
      throw new SnapshotError("corrupt", `shard ${path} cannot be decoded: ${String(error)}`);
    }
    if (!Array.isArray(slice) || slice.length !== shard.items)
      throw new SnapshotError("corrupt", `shard ${path} does not hold the ${shard.items} items listed`);
    for (const item of slice) items.push(item as T);
  }
  return items;
}
