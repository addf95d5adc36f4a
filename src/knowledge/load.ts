/**
 * Reads the knowledge folder: every `.md` file below it is an article. Each file is validated on
 * its own, so one broken file is reported and the others still load; nothing is dropped silently.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { ParleyError } from "../core/errors.js";
import type { Article } from "../core/types.js";
import { articleIdFromPath, parseArticleFile } from "./parse-article.js";
import type { KnowledgeProblem } from "./problems.js";

export interface LoadedKnowledge {
  /** Valid articles, sorted by id. */
  articles: Article[];
  /** Every problem found, in path order. */
  problems: KnowledgeProblem[];
}

/** Files in the folder that are not articles and are expected there. */
const NOT_ARTICLES = /(^|\/)(people\.ya?ml|README\.md)$/i;

/** Lists the article files below `dir` (relative paths with `/`), skipping hidden ones. */
export async function listArticleFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith(".md"))
    .map((entry) =>
      relative(dir, join(entry.parentPath ?? entry.path, entry.name))
        .split(sep)
        .join("/"),
    )
    .filter((path) => !path.split("/").some((part) => part.startsWith(".")) && !NOT_ARTICLES.test(path))
    .sort();
}

/** Rejects a second file whose id (file name) is already taken, naming both paths. */
export function rejectDuplicateIds(
  parsed: readonly { path: string; article: Article | null }[],
): KnowledgeProblem[] {
  const seen = new Map<string, string>();
  const problems: KnowledgeProblem[] = [];
  for (const file of parsed) {
    if (!file.article) continue;
    const id = file.article.id;
    const first = seen.get(id);
    if (first !== undefined) {
      problems.push({
        path: file.path,
        line: 1,
        message: `duplicate article id "${id}": ${first} has the same file name; rename one`,
        severity: "error",
      });
      file.article = null;
    } else {
      seen.set(id, file.path);
    }
  }
  return problems;
}

/** What a file parsed to, keyed by what `stat` said of it, so a reload re-reads only changed files. */
export type ParseCache = Map<
  string,
  { stamp: string; article: Article | null; problems: KnowledgeProblem[] }
>;

/**
 * Loads and validates every article in a knowledge folder.
 *
 * With a `cache` (kept by the caller between calls), a file whose size, inode and modification time
 * (in nanoseconds) are unchanged is not read again.
 *
 * @throws ParleyError when the folder itself cannot be read.
 * @example
 * const { articles, problems } = await loadKnowledge("knowledge");
 */
export async function loadKnowledge(dir: string, cache?: ParseCache): Promise<LoadedKnowledge> {
  try {
    if (!(await stat(dir)).isDirectory()) throw new ParleyError(`knowledge folder ${dir} is not a folder`);
  } catch (error) {
    if (error instanceof ParleyError) throw error;
    throw new ParleyError(`knowledge folder ${dir} not found (set KNOWLEDGE_DIR or pass --knowledge DIR)`);
  }
  const paths = await listArticleFiles(dir);
  const parsed: { path: string; article: Article | null; problems: KnowledgeProblem[] }[] = [];
  // Read in batches: thousands of files at once would exhaust file handles.
  const BATCH = 64;
  for (let i = 0; i < paths.length; i += BATCH) {
    const batch = paths.slice(i, i + BATCH);
    const results = await Promise.all(batch.map((path) => readArticleFile(dir, path, cache)));
    parsed.push(...results);
  }
  if (cache) for (const path of cache.keys()) if (!paths.includes(path)) cache.delete(path);
  const duplicateProblems = rejectDuplicateIds(parsed);
  const problems = [...parsed.flatMap((file) => file.problems), ...duplicateProblems].sort(
    (a, b) => a.path.localeCompare(b.path) || a.line - b.line,
  );
  const articles = parsed.flatMap((file) => (file.article ? [file.article] : []));
  articles.sort((a, b) => a.id.localeCompare(b.id));
  return { articles, problems };
}

/** Reads and parses one file (or takes it from the cache); a read error is a problem, not a throw. */
async function readArticleFile(
  dir: string,
  path: string,
  cache: ParseCache | undefined,
): Promise<{ path: string; article: Article | null; problems: KnowledgeProblem[] }> {
  try {
    let stamp = "";
    if (cache) {
      const info = await stat(join(dir, path), { bigint: true });
      stamp = `${info.size}:${info.ino}:${info.mtimeNs}`;
      const known = cache.get(path);
      // A copy: duplicate-id checks may clear `article` on the result.
      if (known?.stamp === stamp) return { path, article: known.article, problems: known.problems };
    }
    const bytes = await readFile(join(dir, path));
    const result = parseArticleFile(path, bytes);
    cache?.set(path, { stamp, article: result.article, problems: result.problems });
    return { path, ...result };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const problem: KnowledgeProblem = {
      path,
      line: 1,
      message: `cannot read file: ${reason}`,
      severity: "error",
    };
    return { path, article: null, problems: [problem] };
  }
}

export { articleIdFromPath };
