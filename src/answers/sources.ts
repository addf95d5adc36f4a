/** `/sources`: the articles Parley answers from, newest first. */

import type { KnowledgeBase } from "../index/knowledge-base.js";
import { formatDate } from "../text/citation.js";
import type { Answer } from "./types.js";

export function answerSources(kb: KnowledgeBase): Answer {
  const articles = [...kb.articles].sort(
    (a, b) => b.published.localeCompare(a.published) || a.id.localeCompare(b.id),
  );
  return {
    kind: "answer",
    command: "sources",
    title: `${articles.length} article${articles.length === 1 ? "" : "s"} in the knowledge base`,
    facts: articles.map((article) => ({
      label: `${formatDate(article.published)} · ${article.outlet ?? "unknown outlet"}`,
      value: article.url ? `${article.title} <${article.url}>` : article.title,
    })),
    sections: [],
    notes: articles.length === 0 ? ["No articles loaded: add Markdown files to the knowledge folder."] : [],
  };
}
