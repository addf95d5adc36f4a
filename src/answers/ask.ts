/** `/ask WORDS`: the sentences that best match the words, each cited. */
import type { KnowledgeBase } from "../index/knowledge-base.js";
import type { Reply } from "./types.js";
import { userError } from "./user-error.js";

/** How many sentences an answer shows at most (Discord pages them). */
export const ASK_LIMIT = 10;

/**
 * @example
 * answerAsk(kb, "next Sunday Doha") // Answer whose first item is ¶9's sentence
 */
export function answerAsk(kb: KnowledgeBase, question: string): Reply {
  const hits = kb.search(question, { limit: ASK_LIMIT });
  if (hits.length === 0) {
    return userError("ask", `Nothing in the articles matches “${question}”.`, [
      "Try fewer or other words, e.g. a name, a place or “ceasefire”.",
      "Use /sources to see which articles Parley has.",
    ]);
  }
  return {
    kind: "answer",
    command: "ask",
    title: `Sentences matching “${question}”`,
    facts: [],
    sections: [
      {
        heading: "Best matches",
        items: hits.map((hit) => ({
          text: hit.sentence.text,
          citation: kb.cite(hit.sentence),
          data: { kind: "match", sentenceId: hit.sentence.id, score: hit.score },
        })),
      },
    ],
    notes: [],
  };
}
