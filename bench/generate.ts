/**
 * The synthetic benchmark corpus: seeded and deterministic, clearly marked synthetic (outlet
 * `Synthetic ...`, title `[Synthetic] ...`, url on `synthetic.example`), never written into
 * `knowledge/`. Articles come out as knowledge-format Markdown and as in-memory `Article`s whose
 * hash is the hash of that Markdown, so both paths give identical knowledge bases.
 *
 * CLI: `npx tsx bench/generate.ts --articles 1000 [--seed 1] [--out bench/corpus/1000]`
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Article } from "../src/core/types.js";
import { type ArticlePlan, writeParagraphs } from "./article-writer.js";
import { createCast, pickPerson, type SyntheticPerson } from "./people.js";
import { createRandom } from "./random.js";
import { OUTLETS, PLACES, TOPICS } from "./vocabulary.js";

/** Bump when the writer changes, so cached corpora on disk are regenerated. */
export const GENERATOR_VERSION = 3;
export const DEFAULT_SEED = 20241024;

export interface GeneratedArticle {
  /** Path relative to the corpus folder, e.g. `synthetic-2024-05-03-00017.md`. */
  path: string;
  /** The knowledge file, exactly as written to disk. */
  markdown: string;
  article: Article;
}

export interface Corpus {
  seed: number;
  cast: SyntheticPerson[];
  articles: GeneratedArticle[];
}

/** Publication dates span Nov 2023 to Jun 2025. */
const FIRST_DAY = Date.UTC(2023, 10, 1);
const DAYS = 608;

/** YAML double-quoted scalar: JSON string syntax is valid YAML. */
function yamlString(value: string): string {
  return JSON.stringify(value);
}

function toMarkdown(
  title: string,
  published: string,
  outlet: string,
  url: string | null,
  paragraphs: string[],
) {
  const front = [
    "---",
    `title: ${yamlString(title)}`,
    `published: ${yamlString(published)}`,
    `outlet: ${yamlString(outlet)}`,
    ...(url ? [`url: ${yamlString(url)}`] : []),
    "language: en",
    "---",
  ];
  return `${front.join("\n")}\n\n${paragraphs.join("\n\n")}\n`;
}

/**
 * Generates `count` articles in memory. The same (count, seed) always gives the same corpus, and
 * article n is the same whatever the count (each article has its own seed).
 *
 * @example
 * const corpus = generateCorpus(20);
 * corpus.articles[0].article.outlet; // "Synthetic ..."
 */
export function generateCorpus(count: number, seed = DEFAULT_SEED): Corpus {
  const cast = createCast(createRandom(seed));
  const articles: GeneratedArticle[] = [];
  for (let n = 0; n < count; n++) {
    const random = createRandom((seed ^ Math.imul(n + 1, 0x9e3779b1)) >>> 0);
    const published = new Date(FIRST_DAY + random.int(0, DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
    const people: SyntheticPerson[] = [];
    const wanted = random.int(3, 6);
    while (people.length < wanted) {
      const person = pickPerson(random, cast);
      // Two people with one surname in one article would make "Haddad said" ambiguous: reporters avoid it.
      if (!people.some((other) => other.last === person.last)) people.push(person);
    }
    const plan: ArticlePlan = {
      published,
      outlet: random.pick(OUTLETS),
      place: random.pick(PLACES),
      topic: random.pick(TOPICS),
      people,
    };
    const paragraphs = writeParagraphs(random, plan);
    const lead = people[0] as SyntheticPerson;
    const title = `[Synthetic] ${lead.last} on ${plan.topic} as ${plan.place} talks continue`;
    const id = `synthetic-${published}-${String(n).padStart(5, "0")}`;
    const url = random.chance(0.8)
      ? `https://synthetic.example/${plan.outlet.toLowerCase().replace(/\W+/g, "-")}/${id}`
      : null;
    const outlet = `Synthetic ${plan.outlet}`;
    const markdown = toMarkdown(title, published, outlet, url, paragraphs);
    const path = `${id}.md`;
    articles.push({
      path,
      markdown,
      article: {
        id,
        path,
        title,
        published,
        outlet,
        url,
        language: "en",
        paragraphs,
        hash: createHash("sha256").update(markdown, "utf8").digest("hex"),
      },
    });
  }
  return { seed, cast, articles };
}

/** Refuses to write anywhere inside a `knowledge` folder: synthetic text must never be served. */
function assertNotKnowledge(dir: string): void {
  if (resolve(dir).split(/[\\/]/).includes("knowledge")) {
    throw new Error(`Parley: refusing to write the synthetic corpus into ${dir} (a knowledge folder)`);
  }
}

/**
 * Writes a corpus to `dir` as knowledge files (clearing what was there), unless the stamp file
 * says the same corpus is already there.
 *
 * @example
 * await writeCorpus("bench/corpus/1000", 1000);
 */
export async function writeCorpus(dir: string, count: number, seed = DEFAULT_SEED): Promise<Corpus> {
  assertNotKnowledge(dir);
  const corpus = generateCorpus(count, seed);
  const stamp = JSON.stringify({ version: GENERATOR_VERSION, count, seed });
  const stampPath = join(dir, ".corpus.json");
  const existing = await readFile(stampPath, "utf8").catch(() => null);
  if (existing === stamp) return corpus;
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const BATCH = 128;
  for (let i = 0; i < corpus.articles.length; i += BATCH) {
    await Promise.all(
      corpus.articles.slice(i, i + BATCH).map((file) => writeFile(join(dir, file.path), file.markdown)),
    );
  }
  // Hidden file: the loader skips it.
  await writeFile(stampPath, stamp);
  return corpus;
}

/** Some statistics for a corpus (people, sentences are counted by the real splitter elsewhere). */
export function describeCorpus(corpus: Corpus): { articles: number; paragraphs: number; bytes: number } {
  let paragraphs = 0;
  let bytes = 0;
  for (const file of corpus.articles) {
    paragraphs += file.article.paragraphs.length;
    bytes += Buffer.byteLength(file.markdown);
  }
  return { articles: corpus.articles.length, paragraphs, bytes };
}

async function main(args: string[]): Promise<void> {
  const option = (name: string): string | undefined => {
    const index = args.indexOf(`--${name}`);
    return index >= 0 ? args[index + 1] : undefined;
  };
  const count = Number(option("articles") ?? "1000");
  const seed = Number(option("seed") ?? DEFAULT_SEED);
  if (!Number.isInteger(count) || count < 1) throw new Error("Parley: --articles must be a positive integer");
  const out = option("out") ?? join("bench", "corpus", String(count));
  const corpus = await writeCorpus(out, count, seed);
  const stats = describeCorpus(corpus);
  console.log(
    `wrote ${stats.articles} synthetic articles (${stats.paragraphs} paragraphs, ${(stats.bytes / 1e6).toFixed(1)} MB) to ${relative(process.cwd(), resolve(out)) || "."}`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
