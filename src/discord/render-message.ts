/**
 * Reply -> the message Parley sends, pure: answer pages with Previous/Next buttons, user errors
 * (always ephemeral) and Parley's own notices. Mentions and flags are added by the one place that
 * sends (respond.ts).
 */
import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
} from "discord.js";
import type { Answer, Reply, UserError } from "../answers/types.js";
import { truncate } from "./escape.js";
import { LIMITS } from "./limits.js";
import { encodePageId, type PageCodec } from "./paging-id.js";
import { renderAnswerPages, renderNoticeEmbed, renderUserErrorEmbed } from "./render-answer.js";

export interface OutgoingMessage {
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  /** Only the user who asked sees it (Discord flag 64). */
  ephemeral: boolean;
}

export interface PageContext {
  /** The command's text options as given, to rebuild the answer when a button is clicked. */
  options: Record<string, string>;
  /** 0-based page wanted; clamped to the pages there are. */
  page: number;
  /** The knowledge version and names the buttons' ids are written against. */
  codec: PageCodec;
}

export interface RenderedAnswer {
  message: OutgoingMessage;
  page: number;
  pageCount: number;
}

/** Shown instead of buttons when the query is too long for a button to carry. */
export const TOO_LONG_TO_PAGE =
  "Only this page is shown: the query is too long for page buttons. Shorten it (fewer words, or a narrower name or topic) to page through every answer.";

/** The Previous/Next row, or null when the options do not fit in a button's id. */
function pagingRow(
  answer: Answer,
  page: number,
  pageCount: number,
  context: PageContext,
): APIActionRowComponent<APIButtonComponent> | null {
  const id = (target: number): string | null =>
    encodePageId({ command: answer.command, page: target, options: context.options }, context.codec);
  const previous = id(Math.max(0, page - 1));
  const next = id(Math.min(pageCount - 1, page + 1));
  if (previous === null || next === null) return null;
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: "◀ Previous",
        custom_id: previous,
        disabled: page === 0,
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Primary,
        label: "Next ▶",
        custom_id: next,
        disabled: page >= pageCount - 1,
      },
    ],
  };
}

/**
 * One page of an answer, with paging buttons when there is more than one page.
 *
 * @example
 * renderAnswerMessage(answer, { options: { name: "Blinken" }, page: 0, codec }, false).pageCount // 2
 */
export function renderAnswerMessage(
  answer: Answer,
  context: PageContext,
  ephemeral: boolean,
): RenderedAnswer {
  const pages = renderAnswerPages(answer);
  const page = Math.min(Math.max(0, context.page), pages.length - 1);
  const embed = pages[page] ?? pages[0]!;
  const row = pages.length > 1 ? pagingRow(answer, page, pages.length, context) : null;
  return {
    message: {
      embeds: [pages.length > 1 && !row ? withoutPaging(embed) : embed],
      components: row ? [row] : [],
      ephemeral,
    },
    page,
    pageCount: pages.length,
  };
}

/** The page with the note saying why there are no buttons first in its footer (kept within limits). */
function withoutPaging(embed: APIEmbed): APIEmbed {
  const footer = [TOO_LONG_TO_PAGE, embed.footer?.text].filter(Boolean).join(" · ");
  return { ...embed, footer: { text: truncate(footer, FOOTER_MAX) } };
}

/** The renderer's footer cap (render-answer.ts); the note adds to it, never past it. */
const FOOTER_MAX = Math.min(1024, LIMITS.footerText);

/** A user error: always ephemeral, never with buttons. */
export function renderUserErrorMessage(error: UserError): OutgoingMessage {
  return { embeds: [renderUserErrorEmbed(error)], components: [], ephemeral: true };
}

/** Any reply; user errors are ephemeral whatever `hide` says. */
export function renderReplyMessage(reply: Reply, context: PageContext, hide: boolean): RenderedAnswer {
  if (reply.kind === "user-error") return { message: renderUserErrorMessage(reply), page: 0, pageCount: 1 };
  return renderAnswerMessage(reply, context, hide);
}

/** Parley's own short, private notices. */
export const notices = {
  apology: (errorId: string): OutgoingMessage =>
    notice(
      `Sorry, something went wrong on Parley's side. It has been logged as error ${errorId}; please try again in a moment.`,
    ),
  slowDown: (seconds: number): OutgoingMessage =>
    notice(`Slow down a little: you can ask again in ${Math.max(1, Math.ceil(seconds))} s.`),
  shuttingDown: (): OutgoingMessage => notice("Parley is restarting. Please ask again in a few seconds."),
  updatedAnswer: (command: string | null): OutgoingMessage =>
    notice(
      `This answer has been updated since these buttons were made: run ${command ? `/${command}` : "the command"} again to page through the new one.`,
    ),
  foreignButton: (): OutgoingMessage =>
    notice("Parley does not know this button. Run /help to see what Parley can answer."),
};

function notice(text: string): OutgoingMessage {
  return { embeds: [renderNoticeEmbed(text)], components: [], ephemeral: true };
}
