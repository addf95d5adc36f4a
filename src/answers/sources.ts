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
    articles: articles.map((article) => ({
      id: article.id,
      title: article.title,
      outlet: article.outlet,
      published: article.published,
      url: article.url,
      paragraphs: article.paragraphs.length,
      sentences: kb.sentencesByArticle.get(article.id)?.length ?? 0,
    })),
    notes: articles.length === 0 ? ["No articles loaded: add Markdown files to the knowledge folder."] : [],
  };
}
