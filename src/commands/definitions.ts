/**
 * Parley's commands, defined once as data. The console, the CLI, Discord registration and
 * dispatch all read this list, so a command cannot exist in one place and not another.
 */
import type { CommandName } from "../answers/types.js";

/** What an option's autocomplete draws from. */
export type CompletionSource = "entity" | "topic";

export interface OptionDefinition {
  name: string;
  description: string;
  type: "string" | "boolean";
  required: boolean;
  /** Longest value accepted (Discord caps string options at 6000). */
  maxLength?: number;
  autocomplete?: CompletionSource;
  /** The only values accepted (Discord shows them as a menu). */
  choices?: readonly string[];
}

export interface CommandDefinition {
  name: CommandName;
  description: string;
  /** One line of usage for help texts, e.g. `/who NAME`. */
  usage: string;
  options: OptionDefinition[];
  /**
   * Discord's `default_member_permissions`: only members with this permission see the command (and
   * the Discord edge checks it again when it runs). Such commands act on Discord only.
   */
  defaultMemberPermissions?: "ManageGuild";
}

/** Every command takes `hide`: answer privately (ephemeral) on Discord; ignored in the console. */
const hide: OptionDefinition = {
  name: "hide",
  description: "Only you see the answer",
  type: "boolean",
  required: false,
};

export const QUERY_MAX_LENGTH = 200;

export const COMMANDS: readonly CommandDefinition[] = [
  {
    name: "who",
    description: "Who is this person or body: role, affiliation, what they said and did",
    usage: "/who NAME",
    options: [
      {
        name: "name",
        description: "A name, part of a name or a role, e.g. Barnea or head of Mossad",
        type: "string",
        required: true,
        maxLength: QUERY_MAX_LENGTH,
        autocomplete: "entity",
      },
      hide,
    ],
  },
  {
    name: "quote",
    description: "What this person or body said, each quote attributed and cited",
    usage: "/quote NAME [about WORDS] [type direct|partial|indirect] [unclear:true]",
    options: [
      {
        name: "name",
        description: "Who said it, e.g. Blinken",
        type: "string",
        required: true,
        maxLength: QUERY_MAX_LENGTH,
        autocomplete: "entity",
      },
      {
        name: "about",
        description: "Only quotes about these words",
        type: "string",
        required: false,
        maxLength: QUERY_MAX_LENGTH,
      },
      {
        name: "type",
        description: "Only direct quotes, partial quotes or reported speech",
        type: "string",
        required: false,
        maxLength: 10,
        choices: ["direct", "partial", "indirect"],
      },
      {
        name: "unclear",
        description: "Also list quotes whose speaker the articles leave unclear (labelled so)",
        type: "boolean",
        required: false,
      },
      hide,
    ],
  },
  {
    name: "status",
    description: "Where the talks stand: a dated timeline, latest first",
    usage: "/status [TOPIC]",
    options: [
      {
        name: "topic",
        description: "Narrow it down, e.g. talks, hostages, Doha or a person",
        type: "string",
        required: false,
        maxLength: QUERY_MAX_LENGTH,
        autocomplete: "topic",
      },
      hide,
    ],
  },
  {
    name: "ask",
    description: "The sentences from the articles that best match your words",
    usage: "/ask QUESTION",
    options: [
      {
        name: "question",
        description: "Words or a question, e.g. next Sunday Doha",
        type: "string",
        required: true,
        maxLength: QUERY_MAX_LENGTH,
      },
      hide,
    ],
  },
  { name: "sources", description: "The articles Parley answers from", usage: "/sources", options: [hide] },
  { name: "help", description: "What Parley can answer and how", usage: "/help", options: [hide] },
  {
    name: "add",
    description: "Moderators: add a news article to Parley's sources from its link",
    usage: "/add URL",
    options: [
      {
        name: "url",
        description: "The article's link (http or https)",
        type: "string",
        required: true,
        maxLength: 2000,
      },
    ],
    defaultMemberPermissions: "ManageGuild",
  },
];

/** Options as the user gave them: strings and booleans by option name. */
export type CommandOptions = Record<string, string | boolean | undefined>;

export function findCommand(name: string): CommandDefinition | undefined {
  return COMMANDS.find((command) => command.name === name);
}
