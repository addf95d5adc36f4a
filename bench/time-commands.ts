/** Every command timed in process on one knowledge base, the same query sets at every size. */
import { complete } from "../src/answers/complete.js";
import { answerCommand } from "../src/answers/dispatch.js";
import type { KnowledgeBase } from "../src/index/knowledge-base.js";
import type { QuerySet } from "./queries.js";
import { type Latency, timeEach } from "./stats.js";

/**
 * p50/p99 of `who` (names and role phrases), `quote`, `status`, `ask` and autocomplete.
 *
 * @example
 * timeCommands(kb, createQueries(cast, 2000)).ask.p99
 */
export function timeCommands(kb: KnowledgeBase, queries: QuerySet): Record<string, Latency> {
  return {
    who: timeEach(queries.who, (name) => answerCommand(kb, "who", { name })),
    whoRoles: timeEach(queries.whoRoles, (name) => answerCommand(kb, "who", { name })),
    quote: timeEach(queries.quote, (q) => answerCommand(kb, "quote", q)),
    status: timeEach(queries.status, (topic) => answerCommand(kb, "status", { topic })),
    ask: timeEach(queries.ask, (question) => answerCommand(kb, "ask", { question })),
    complete: timeEach(queries.complete, (q) => complete(kb, q.source, q.prefix)),
  };
}
