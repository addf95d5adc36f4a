/**
 * The data every part of Parley shares. Pure data: no Discord, no terminal, no I/O.
 *
 * Flow: knowledge files -> {@link Article} -> {@link Sentence}s -> analysis -> index -> answers.
 */

/** One news article, loaded from a Markdown file in the knowledge folder. */
export interface Article {
  /** Stable id: the file name without `.md` (e.g. `2024-10-24-doha-talks`). Unique in a knowledge base. */
  id: string;
  /** Path of the source file, relative to the knowledge folder. */
  path: string;
  title: string;
  /** ISO date `YYYY-MM-DD`; anchors every relative date in the article. */
  published: string;
  /** Null when the outlet is not known. */
  outlet: string | null;
  /** Null when the article has no link. */
  url: string | null;
  /** BCP 47 language tag, `en` by default. */
  language: string;
  /** The body's paragraphs, verbatim, in order. Paragraph n (1-based) is `paragraphs[n - 1]`. */
  paragraphs: string[];
  /** Content hash (sha256 hex) of the whole file: the snapshot and reload key. */
  hash: string;
}

/** One sentence (or one quotation kept whole) of an article, the unit that answers cite. */
export interface Sentence {
  /** `${articleId}#${paragraph}.${index}`: stable as long as the article text is. */
  id: string;
  articleId: string;
  /** 1-based paragraph number. */
  paragraph: number;
  /** 1-based position within the paragraph. */
  index: number;
  /** Verbatim text, exactly `paragraphs[paragraph - 1].slice(start, end)`. */
  text: string;
  /** Character offsets within the paragraph. */
  start: number;
  end: number;
}

/** Where a sentence comes from, ready to render. */
export interface Citation {
  articleId: string;
  title: string;
  outlet: string | null;
  published: string;
  paragraph: number;
  sentence: number;
  /** The article's url, or null. */
  url: string | null;
  /** The url with a `#:~:text=` fragment that jumps to the sentence, or null without a url. */
  link: string | null;
  /** Human label, e.g. `Doha talks report (unknown outlet), 24 Oct 2024, ¶9`. */
  label: string;
}
