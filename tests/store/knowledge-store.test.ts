import { mkdtemp, readdir, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { answerCommand } from "../../src/answers/dispatch.js";
import { KnowledgeStore, type StoreEvent } from "../../src/store/knowledge-store.js";

const article = (title: string, body: string) =>
  `---\ntitle: ${title}\npublished: 2024-10-24\n---\n\n${body}\n`;

const stores: KnowledgeStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
});

async function folder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "parley-store-"));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

async function open(dir: string, events: StoreEvent[] = [], watch = false): Promise<KnowledgeStore> {
  const store = await KnowledgeStore.open({ dir, watch, debounceMs: 50, onEvent: (e) => events.push(e) });
  stores.push(store);
  return store;
}

const texts = (store: KnowledgeStore, query: string) =>
  store
    .current()
    .search(query)
    .map((hit) => hit.sentence.text);

describe("KnowledgeStore", () => {
  it("reloads only what changed: added, edited and deleted files", async () => {
    const dir = await folder({
      "a.md": article("A", "Hamas met mediators in Cairo."),
      "b.md": article("B", "Talks stalled in August."),
    });
    const store = await open(dir);
    const before = store.current();
    expect(texts(store, "Cairo")).toEqual(["Hamas met mediators in Cairo."]);

    await writeFile(join(dir, "a.md"), article("A", "Hamas met mediators in Doha."));
    await writeFile(join(dir, "c.md"), article("C", "A deal was reached in Cairo."));
    await rm(join(dir, "b.md"));
    const summary = await store.reload();

    expect(summary.changed.sort()).toEqual(["a", "c"]);
    expect(summary.removed).toEqual(["b"]);
    expect(texts(store, "Cairo")).toEqual(["A deal was reached in Cairo."]);
    expect(texts(store, "Doha")).toEqual(["Hamas met mediators in Doha."]);
    expect(texts(store, "stalled")).toEqual([]);
    expect(store.current()).not.toBe(before);
    expect(store.current().articles.map((a) => a.id)).toEqual(["a", "c"]);
  });

  it("re-reads a file edited to the same size, and only parses files that changed", async () => {
    const dir = await folder({
      "a.md": article("A", "Talks met in Cairo."),
      "b.md": article("B", "Burns met Barnea."),
    });
    const store = await open(dir);
    await writeFile(join(dir, "a.md"), article("A", "Talks met in Gizah."));
    const summary = await store.reload();
    expect(summary.changed).toEqual(["a"]);
    expect(texts(store, "Gizah")).toEqual(["Talks met in Gizah."]);
    expect(texts(store, "Cairo")).toEqual([]);
  });

  it("applies the optional people.yaml, reloads it when it changes, and reports a bad entry", async () => {
    const dir = await folder({
      "a.md": article("A", "US Secretary of State Antony Blinken arrived in Doha."),
    });
    const events: StoreEvent[] = [];
    const store = await open(dir, events);
    const whoIs = (name: string) => answerCommand(store.current(), "who", { name });
    expect(whoIs("Tony Blinken").kind).toBe("user-error");
    await writeFile(
      join(dir, "people.yaml"),
      "- name: Antony Blinken\n  aliases: [Tony Blinken]\n- role: nameless\n",
    );
    await store.reload();
    expect(whoIs("Tony Blinken")).toMatchObject({
      kind: "answer",
      title: expect.stringContaining("Antony Blinken"),
    });
    expect(events).toContainEqual({
      type: "problem",
      problem: expect.objectContaining({
        path: "people.yaml",
        severity: "warning",
        message: "entry 2 has no name",
      }),
    });
  });

  it("keeps the last good version of a file that becomes invalid, and reports it", async () => {
    const dir = await folder({ "a.md": article("A", "Talks resumed in Doha.") });
    const events: StoreEvent[] = [];
    const store = await open(dir, events);
    await writeFile(join(dir, "a.md"), "---\ntitle: A\npublished: yesterday\n---\n\nTalks collapsed.\n");
    const summary = await store.reload();
    expect(summary.kept).toEqual(["a"]);
    expect(texts(store, "Doha")).toEqual(["Talks resumed in Doha."]);
    expect(texts(store, "collapsed")).toEqual([]);
    expect(events).toContainEqual({
      type: "problem",
      problem: expect.objectContaining({ path: "a.md", line: 3, severity: "error" }),
    });
  });

  it("starts from a snapshot when files are unchanged, and rebuilds what changed", async () => {
    const dir = await folder({
      "a.md": article("A", "Talks resumed in Doha."),
      "b.md": article("B", "Burns met Barnea."),
    });
    const first: StoreEvent[] = [];
    await open(dir, first);
    expect(first).toContainEqual(expect.objectContaining({ type: "ready", source: "build", articles: 2 }));

    const second: StoreEvent[] = [];
    const again = await open(dir, second);
    expect(second).toContainEqual(
      expect.objectContaining({ type: "ready", source: "snapshot", articles: 2 }),
    );
    expect(texts(again, "Barnea")).toEqual(["Burns met Barnea."]);

    await writeFile(join(dir, "b.md"), article("B", "Burns met Haniyeh."));
    const third: StoreEvent[] = [];
    const updated = await open(dir, third);
    expect(third).toContainEqual(expect.objectContaining({ type: "ready", source: "build" }));
    expect(texts(updated, "Barnea")).toEqual([]);
    expect(texts(updated, "Haniyeh")).toEqual(["Burns met Haniyeh."]);
  });

  it("reads the per-article analyses back from its snapshot only when an article changed", {
    timeout: 30_000,
  }, async () => {
    const dir = await folder({
      "a.md": article("A", "Hamas met mediators in Cairo."),
      "b.md": article("B", "Talks stalled in August."),
    });
    const events: StoreEvent[] = [];
    const store = await open(dir, events);
    events.splice(0); // the first start's "no snapshot yet"
    // After its build the store keeps the per-article analyses only in the snapshot: remove them there.
    const cache = join(dir, ".parley-cache");
    for (const folderName of (await readdir(cache)).filter((name) => name.startsWith("v-")))
      for (const file of (await readdir(join(cache, folderName))).filter((name) => name.startsWith("parts-")))
        await rm(join(cache, folderName, file));
    // A file touched with the same text: nothing to merge, nothing read.
    const later = new Date(Date.now() + 5000);
    await utimes(join(dir, "a.md"), later, later);
    expect((await store.reload()).changed).toEqual([]);
    expect(events.filter((event) => event.type === "snapshot-unusable")).toEqual([]);
    // A real edit reads them; they are gone, so they are prepared again from the articles (reported).
    await writeFile(join(dir, "a.md"), article("A", "Hamas met mediators in Doha."));
    expect((await store.reload()).changed).toEqual(["a"]);
    expect(events.some((event) => event.type === "snapshot-unusable")).toBe(true);
    expect(texts(store, "Doha")).toEqual(["Hamas met mediators in Doha."]);
    expect(texts(store, "stalled")).toEqual(["Talks stalled in August."]);
  });

  it("watches the folder and swaps in the new state by itself", async () => {
    const dir = await folder({ "a.md": article("A", "Talks resumed in Doha.") });
    const events: StoreEvent[] = [];
    const store = await open(dir, events, true);
    await writeFile(join(dir, "z.md"), article("Z", "Negotiators arrived in Cairo."));
    await expect
      .poll(() => texts(store, "Cairo"), { timeout: 5000, interval: 50 })
      .toEqual(["Negotiators arrived in Cairo."]);
    expect(events).toContainEqual(expect.objectContaining({ type: "reloaded", changed: 1 }));
  });
});
