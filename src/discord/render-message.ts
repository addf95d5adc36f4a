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
import { encodePageId, type PageMemory } from "./paging-id.js";
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
  memory: PageMemory;
}

export interface RenderedAnswer {
  message: OutgoingMessage;
  page: number;
  pageCount: number;
}

function pagingRow(
  answer: Answer,
  page: number,
  pageCount: number,
  context: PageContext,
): APIActionRowComponent<APIButtonComponent> {
  const id = (target: number): string =>
    encodePageId({ command: answer.command, page: target, options: context.options }, context.memory);
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: "◀ Previous",
        custom_id: id(Math.max(0, page - 1)),
        disabled: page === 0,
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Primary,
        label: "Next ▶",
        custom_id: id(Math.min(pageCount - 1, page + 1)),
        disabled: page >= pageCount - 1,
      },
    ],
  };
}

/**
 * One page of an answer, with paging buttons when there is more than one page.
 *
 * @example
 * renderAnswerMessage(answer, { options: { name: "Blinken" }, page: 0, memory }, false).pageCount // 2
 */
export function renderAnswerMessage(
  answer: Answer,
  context: PageContext,
  ephemeral: boolean,
): RenderedAnswer {
  const pages = renderAnswerPages(answer);
  const page = Math.min(Math.max(0, context.page), pages.length - 1);
  const embed = pages[page] ?? pages[0]!;
  return {
    message: {
      embeds: [embed],
      components: pages.length > 1 ? [pagingRow(answer, page, pages.length, context)] : [],
      ephemeral,
    },
    page,
    pageCount: pages.length,
  };
}

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
  expiredButton: (command: string): OutgoingMessage =>
    notice(
      `This button has expired (Parley restarted since). Run /${command} again to page through the answer.`,
    ),
  oldButton: (): OutgoingMessage =>
    notice("This button is from an older version of Parley. Run the command again to get fresh pages."),
  foreignButton: (): OutgoingMessage =>
    notice("Parley does not know this button. Run /help to see what Parley can answer."),
};

function notice(text: string): OutgoingMessage {
  return { embeds: [renderNoticeEmbed(text)], components: [], ephemeral: true };
}
