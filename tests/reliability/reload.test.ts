/**
 * Hot reload under traffic, end to end: while interactions keep arriving, an article is added to
 * the bot's KNOWLEDGE_DIR (a temporary copy of knowledge/), the shipped article is edited (a new
 * first paragraph shifts every paragraph number), the new article is broken, then deleted. Every
 * interaction is answered, each answer whole: its citations agree with the old state or the new
 * one, never a mix. After each reload /ask sees the change.
 */
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Standin } from "../discord-standin/standin.js";
import { isRunning, type RunningBot, START_TIMEOUT_MS, startBot } from "../helpers/reliability/harness.js";
import { citedItems, type ShownItem } from "../helpers/reliability/items.js";
import { finalReply, isEphemeral, shownText } from "../helpers/reliability/replies.js";
import { until } from "../helpers/reliability/wait.js";

const SEED_FILE = "2024-10-24-doha-talks.md";
const NEW_FILE = "2024-10-26-cairo-framework.md";
const NEW_SENTENCE =
  "Egyptian mediators said the Zephyrine framework would be put to both delegations in Cairo within a week.";
const NEW_ARTICLE = `---
title: Mediators prepare a new framework for Cairo
published: 2024-10-26
outlet: Reliability Test Wire
---

${NEW_SENTENCE}
`;
const INSERTED_PARAGRAPH = "This report has been updated with more detail from the press conference.";

/** Interactions sent in rotation while the files change. */
const QUERIES = [
  { name: "quote", options: { name: "Blinken" } },
  { name: "ask", options: { question: "Zephyrine" } },
  { name: "ask", options: { question: "Doha next Sunday" } },
] as const;

interface Exchange {
  query: (typeof QUERIES)[number];
  shown: string;
  ephemeral: boolean;
  firstResponseMs: number;
}

function paragraphsOf(markdown: string): string[] {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, "");
  return body
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
}

/** The item's verbatim text (pieces around an ellipsis) is in the paragraph its citation names. */
function citesInto(item: ShownItem, paragraphs: readonly string[]): boolean {
  const paragraph = paragraphs[item.paragraph - 1];
  if (!paragraph) return false;
  return item.text
    .split("…")
    .map((piece) => piece.trim())
    .filter(Boolean)
    .every((piece) => paragraph.includes(piece));
}

/** Sends QUERIES in rotation, `inFlight` at a time, until stopped; keeps every exchange. */
function startTraffic(standin: Standin, inFlight: number): { stop(): Promise<Exchange[]> } {
  const exchanges: Exchange[] = [];
  let running = true;
  let turn = 0;
  const worker = async (): Promise<void> => {
    while (running) {
      const query = QUERIES[turn++ % QUERIES.length]!;
      const dispatchedAt = Date.now();
      const interaction = await standin.sendCommand(query.name, { ...query.options });
      const reply = await finalReply(standin, interaction, 30_000);
      exchanges.push({
        query,
        shown: shownText(reply.message),
        ephemeral: isEphemeral(reply.message),
        firstResponseMs: reply.callback.at - dispatchedAt,
      });
    }
  };
  const workers = Array.from({ length: inFlight }, worker);
  return {
    async stop() {
      running = false;
      await Promise.all(workers);
      return exchanges;
    },
  };
}

describe("hot reload while interactions keep arriving", () => {
  let running: RunningBot;
  let oldSeed: string[];
  let newSeed: string[];
  const newArticle = paragraphsOf(NEW_ARTICLE);

  beforeAll(async () => {
    // Not a rate-limit test: the traffic (one user, over 100 commands/s) must never be told to slow down.
    running = await startBot({ env: { RATE_LIMIT_COMMANDS: "1000000" } });
    const seed = await readFile(join(running.knowledgeDir, SEED_FILE), "utf8");
    oldSeed = paragraphsOf(seed);
    newSeed = [INSERTED_PARAGRAPH, ...oldSeed];
  }, START_TIMEOUT_MS + 5000);
  afterAll(async () => {
    await running?.stop();
  });

  // The bot logs JSON lines on stdout; each finished reload is one `knowledge-reloaded` event.
  const reloads = (): number => running.bot.stdout().split('"event":"knowledge-reloaded"').length - 1;

  /** Changes the folder while traffic flows; resolves with the traffic once the reload is done. */
  async function duringTraffic(change: () => Promise<void>, what: string): Promise<Exchange[]> {
    const sentBefore = () => running.standin.requests.length;
    const atStart = sentBefore();
    const traffic = startTraffic(running.standin, 10);
    await until(() => sentBefore() > atStart + 20, "traffic before the change");
    const before = reloads();
    await change();
    await until(() => reloads() > before, what, 20_000);
    // Keep the traffic going a little after the swap.
    const after = sentBefore();
    await until(() => sentBefore() > after + 30, "traffic after the change");
    return traffic.stop();
  }

  async function ask(question: string): Promise<string> {
    const interaction = await running.standin.sendCommand("ask", { question });
    return shownText((await finalReply(running.standin, interaction)).message);
  }

  /**
   * Every exchange answered and whole: its items cite the old state or the new state, not both.
   * Returns how many answers fit only the old state and only the new one.
   */
  function expectWhole(
    exchanges: Exchange[],
    states: { old: string[][]; new: string[][] },
  ): { onlyOld: number; onlyNew: number } {
    const seen = { onlyOld: 0, onlyNew: 0 };
    expect(exchanges.length).toBeGreaterThan(30);
    for (const exchange of exchanges) {
      expect(exchange.firstResponseMs).toBeLessThan(3000);
      expect(exchange.shown).not.toMatch(/Sorry, something went wrong/);
      const items = citedItems(exchange.shown);
      if (items.length === 0) {
        // Only the question about the new article may find nothing (before it exists).
        expect(exchange.query.options).toEqual({ question: "Zephyrine" });
        expect(exchange.shown).toContain("Nothing in the articles matches");
        expect(exchange.ephemeral).toBe(true);
        continue;
      }
      const fits = (paragraphSets: string[][]) =>
        items.every((item) => paragraphSets.some((paragraphs) => citesInto(item, paragraphs)));
      const [old, now] = [fits(states.old), fits(states.new)];
      expect(
        old || now,
        `a mixed or broken answer to ${JSON.stringify(exchange.query)}:\n${exchange.shown}`,
      ).toBe(true);
      if (old && !now) seen.onlyOld += 1;
      if (now && !old) seen.onlyNew += 1;
    }
    return seen;
  }

  it("adds an article: answers from before or after, whole, and then /ask finds it", async () => {
    expect(await ask("Zephyrine")).toContain("Nothing in the articles matches");
    const exchanges = await duringTraffic(
      () => writeFile(join(running.knowledgeDir, NEW_FILE), NEW_ARTICLE),
      "the reload after adding an article",
    );
    // Answers after the reload found the new article while the traffic was still flowing.
    expect(expectWhole(exchanges, { old: [oldSeed], new: [oldSeed, newArticle] }).onlyNew).toBeGreaterThan(0);
    const found = citedItems(await ask("Zephyrine"));
    expect(found).toContainEqual({ text: NEW_SENTENCE, paragraph: 1 });
    expect(await ask("Zephyrine")).toMatch(
      /Mediators prepare a new framework for Cairo · Reliability Test Wire · 26 Oct 2024 · ¶1/,
    );
  }, 90_000);

  it("edits the shipped article: every answer cites the old or the new paragraph numbers", async () => {
    const path = join(running.knowledgeDir, SEED_FILE);
    const seed = await readFile(path, "utf8");
    const edited = seed.replace(/\n---\n\n/, `\n---\n\n${INSERTED_PARAGRAPH}\n\n`);
    expect(edited).not.toBe(seed);
    const exchanges = await duringTraffic(() => writeFile(path, edited), "the reload after the edit");
    // The traffic ran before the write and after the reload was reported: it saw both states.
    const seen = expectWhole(exchanges, { old: [oldSeed, newArticle], new: [newSeed, newArticle] });
    expect(seen.onlyOld).toBeGreaterThan(0);
    expect(seen.onlyNew).toBeGreaterThan(0);
    // And from now on the answers cite the new numbering (Blinken's first quote moved from ¶3 to ¶4).
    const quote = await running.standin.sendCommand("quote", { name: "Blinken" });
    const items = citedItems(shownText((await finalReply(running.standin, quote)).message));
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(citesInto(item, newSeed)).toBe(true);
  }, 90_000);

  it("keeps the last good version of an article whose edit is invalid, and reports it", async () => {
    const path = join(running.knowledgeDir, NEW_FILE);
    const broken = NEW_ARTICLE.replace("published: 2024-10-26", "published: the day after tomorrow");
    const logBefore = running.bot.stdout().length;
    const exchanges = await duringTraffic(() => writeFile(path, broken), "the reload after a broken edit");
    expectWhole(exchanges, { old: [newSeed, newArticle], new: [newSeed, newArticle] });
    expect(running.bot.stdout().slice(logBefore)).toMatch(
      new RegExp(
        `"event":"knowledge-problem","path":"${NEW_FILE}","line":\\d+,"message":"[^\\n]*published[^\\n]*","severity":"error"`,
      ),
    );
    expect(citedItems(await ask("Zephyrine"))).toContainEqual({ text: NEW_SENTENCE, paragraph: 1 });
  }, 90_000);

  it("removes a deleted article", async () => {
    const exchanges = await duringTraffic(
      () => rm(join(running.knowledgeDir, NEW_FILE)),
      "the reload after deleting an article",
    );
    // Answers before the deletion still found it.
    expect(expectWhole(exchanges, { old: [newSeed, newArticle], new: [newSeed] }).onlyOld).toBeGreaterThan(0);
    expect(await ask("Zephyrine")).toContain("Nothing in the articles matches");
    expect(isRunning(running.bot)).toBe(true);
    expect(running.bot.logs.filter((line) => line.level === "error")).toEqual([]);
  }, 90_000);
});
