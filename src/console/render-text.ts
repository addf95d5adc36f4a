/**
 * Renders answer objects as plain text for the terminal. The same objects go to Discord; this is
 * only another view of them.
 */
import type { Answer, AnswerItem, Reply, UserError } from "../answers/types.js";
import type { Citation } from "../core/types.js";
import { formatDate } from "../text/citation.js";

// Article text must not drive the terminal: escape sequences and other controls are shown as spaces.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
function safe(text: string): string {
  return text.replace(CONTROL, " ");
}

/** Another report of the same thing, short: outlet and date. */
function alsoLabel(citation: Citation): string {
  return `${citation.outlet ?? citation.title}, ${formatDate(citation.published)}, ¶${citation.paragraph}`;
}

function renderItem(item: AnswerItem, number: number): string {
  const label = item.label ? `[${safe(item.label)}] ` : "";
  const source = item.citation.link ?? item.citation.url;
  const lines = [
    `  ${number}. ${label}${safe(item.text)}`,
    `     — ${safe(item.citation.label)}${source ? ` <${safe(source)}>` : ""}`,
  ];
  if (item.also && item.also.length > 0)
    lines.push(`     also: ${item.also.map((citation) => safe(alsoLabel(citation))).join(" · ")}`);
  return lines.join("\n");
}

function renderAnswer(answer: Answer): string {
  const lines = [safe(answer.title)];
  for (const fact of answer.facts) lines.push(`  ${safe(fact.label)}: ${safe(fact.value)}`);
  for (const section of answer.sections) {
    lines.push("", `${safe(section.heading)}:`);
    section.items.forEach((item, i) => {
      lines.push(renderItem(item, i + 1));
    });
  }
  if (answer.notes.length > 0) lines.push("", ...answer.notes.map((note) => `(${safe(note)})`));
  return lines.join("\n");
}

function renderUserError(error: UserError): string {
  const lines = [safe(error.message)];
  for (const suggestion of error.suggestions) lines.push(`  - ${safe(suggestion)}`);
  return lines.join("\n");
}

/**
 * @example
 * renderText(answerCommand(kb, "sources"))
 * // "1 article in the knowledge base\n  24 Oct 2024 · unknown outlet: Doha to host ..."
 */
export function renderText(reply: Reply): string {
  return reply.kind === "answer" ? renderAnswer(reply) : renderUserError(reply);
}
