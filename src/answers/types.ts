/**
 * Answer objects: what every command returns. Built by pure functions, rendered by thin edges
 * (console text, `--json`, Discord embeds). Nothing here knows about Discord or terminals.
 *
 * Rule: `AnswerItem.text` is always verbatim article text; anything Parley words itself goes in
 * `title`, `heading`, `label`, `facts` or `notes`, never in `text`.
 */
import type { Citation } from "../core/types.js";

export type CommandName = "ask" | "sources" | "help" | "who" | "quote" | "status" | "add";

/** One verbatim sentence (or quotation) with its citation. */
export interface AnswerItem {
  /** Verbatim text from an article. */
  text: string;
  citation: Citation;
  /** Short Parley-worded label shown before the text, e.g. `direct · Blinken said` or `2024-10-27`. */
  label?: string;
}

export interface AnswerSection {
  heading: string;
  items: AnswerItem[];
}

/** A labelled fact about the subject, e.g. `{ label: "Role", value: "US Secretary of State" }`. */
export interface AnswerFact {
  label: string;
  value: string;
}

export interface Answer {
  kind: "answer";
  command: CommandName;
  /** Parley-worded title, e.g. `Who is David Barnea?`. */
  title: string;
  facts: AnswerFact[];
  sections: AnswerSection[];
  /** Parley-worded remarks, e.g. `3 more sentences not shown`. */
  notes: string[];
}

/** A problem with what the user asked (not a bug): shown privately, with suggestions. */
export interface UserError {
  kind: "user-error";
  command: CommandName | null;
  message: string;
  suggestions: string[];
}

export type Reply = Answer | UserError;
