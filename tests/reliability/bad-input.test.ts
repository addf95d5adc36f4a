/**
 * Hostile and odd input over the wire, to the real Parley process: every string option of every
 * command gets empty text, whitespace, 6,000 characters, control characters, zero-width and
 * right-to-left marks, emoji, Markdown, code fences, mentions, links and other languages, then a
 * fast-check batch of generated text. Each gets a clear answer within Discord's 3 s, with
 * `allowed_mentions: {"parse": []}`, inside every Discord limit, nothing the user typed left live
 * (no mention, link or formatting), and the process keeps answering.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/commands/definitions.js";
import { validateMessage } from "../../src/discord/limits.js";
import type { OptionValue } from "../discord-standin/payloads.js";
import { snowflake } from "../discord-standin/snowflake.js";
import type { Standin } from "../discord-standin/standin.js";
import { isRunning, type RunningBot, START_TIMEOUT_MS, startBot } from "../helpers/reliability/harness.js";
import { Callback, finalReply, type Message, shownText } from "../helpers/reliability/replies.js";

const DISCORD_WINDOW_MS = 3000;

/** Named hostile values; each is sent in every string option. */
const HOSTILE: Record<string, string> = {
  empty: "",
  whitespace: " \t  \u00a0 ",
  newlines: "\n\r\n\n",
  "6,000 characters": "Blinken ".repeat(750),
  "6,000 letters": "x".repeat(6000),
  "control characters": "\u0000\u0001\u0007\u001b[31mBarnea\u007f\u0085",
  "zero-width": "\u200bBli\u200cnk\u200den\ufeff",
  "right-to-left marks": "\u202eneknilB\u202c \u200fDoha\u200e",
  emoji: "🕊️ 🇶🇦 👨‍👩‍👧 ceasefire 🤝",
  markdown: "**bold** __under__ *it* ~~strike~~ ||spoiler|| # Heading\n> quote\n- list",
  "code fence": "```js\nalert('@everyone')\n```",
  everyone: "@everyone @here",
  "user mention": "<@123>",
  "role mention": "<@&456>",
  "channel and emoji": "<#789> <:parley:101112131415161718>",
  links: "https://evil.example/phish [click me](https://evil.example/login) <https://evil.example>",
  arabic: "وقف إطلاق النار في غزة",
  chinese: "加沙停火谈判",
  german: "Waffenstillstand in Gaza, Verhandlungen in Doha",
  "mixed attack": "Blinken @everyone <@&456> ```**x**``` https://evil.example",
};

/** Every string option of every command, e.g. `quote.about`. */
const STRING_OPTIONS = COMMANDS.flatMap((command) =>
  command.options.filter((option) => option.type === "string").map((option) => ({ command, option })),
);

/** Parts of a message that can carry text: content and every embed text field. */
function rawTexts(message: Message): string[] {
  const embeds = (message.embeds ?? []) as {
    title?: string;
    description?: string;
    fields?: { name?: string; value?: string }[];
    footer?: { text?: string };
  }[];
  return [
    typeof message.content === "string" ? message.content : "",
    ...embeds.flatMap((e) => [
      e.title ?? "",
      e.description ?? "",
      e.footer?.text ?? "",
      ...(e.fields ?? []).flatMap((f) => [f.name ?? "", f.value ?? ""]),
    ]),
  ];
}

/** What the user typed must never come out live: no mention, link or masked link survives. */
const LIVE = [
  /(?<!\\)@(everyone|here)/,
  /(?<!\\)<@&?\d/,
  /(?<!\\)<#\d/,
  /https:\/\/evil\.example/,
  /(?<!\\)\]\(/,
];

interface Checked {
  ms: number;
  message: Message;
}

/** Sends one command and checks the reply against every rule; returns it. */
async function sendAndCheck(
  standin: Standin,
  name: string,
  options: Record<string, OptionValue>,
  label: string,
): Promise<Checked> {
  const dispatchedAt = Date.now();
  const interaction = await standin.sendCommand(name, options);
  const reply = await finalReply(standin, interaction, 15_000);
  const ms = reply.callback.at - dispatchedAt;
  expect(ms, `${label}: first response after ${ms} ms`).toBeLessThan(DISCORD_WINDOW_MS);
  expect(validateMessage(reply.callback.body), label).toEqual([]);
  expect([Callback.Message, Callback.DeferredMessage], label).toContain(reply.callbackType);
  const message = reply.message;
  expect(message.allowed_mentions, label).toEqual({ parse: [] });
  expect(validateMessage(message), label).toEqual([]);
  const shown = shownText(message);
  expect(shown.trim().length, `${label}: an empty answer`).toBeGreaterThan(0);
  expect(shown, label).not.toMatch(/Sorry, something went wrong/);
  for (const text of rawTexts(message)) for (const live of LIVE) expect(text, label).not.toMatch(live);
  return { ms, message };
}

describe("bad input over the wire", () => {
  let running: RunningBot;
  beforeAll(async () => {
    running = await startBot();
  }, START_TIMEOUT_MS + 5000);
  afterAll(async () => {
    await running?.stop();
  });

  for (const { command, option } of STRING_OPTIONS) {
    it(`/${command.name} ${option.name}: every hostile value gets a clear, safe answer`, async () => {
      const { standin, bot } = running;
      for (const [label, value] of Object.entries(HOSTILE)) {
        // Required options keep a sensible value when another option is the one under test.
        const options: Record<string, OptionValue> = {};
        for (const other of command.options) {
          if (other.type === "string" && other.required && other.name !== option.name)
            options[other.name] = "Blinken";
        }
        options[option.name] = value;
        await sendAndCheck(standin, command.name, options, `/${command.name} ${option.name}=${label}`);
      }
      expect(isRunning(bot)).toBe(true);
    }, 60_000);

    if (option.autocomplete) {
      it(`/${command.name} ${option.name}: autocomplete of every hostile value fits Discord's limits`, async () => {
        const { standin } = running;
        for (const [label, value] of Object.entries(HOSTILE)) {
          const interaction = await standin.sendAutocomplete(
            command.name,
            { [option.name]: value },
            option.name,
          );
          const reply = await finalReply(standin, interaction);
          expect(reply.callbackType, label).toBe(Callback.Autocomplete);
          const choices = (reply.message.choices ?? []) as { name: string; value: string }[];
          expect(choices.length, label).toBeLessThanOrEqual(25);
          for (const choice of choices) {
            expect(choice.name.length, label).toBeGreaterThan(0);
            expect(choice.name.length, label).toBeLessThanOrEqual(100);
            expect(choice.value.length, label).toBeLessThanOrEqual(100);
          }
        }
      }, 60_000);
    }
  }

  it("answers a generated batch of odd text in any option (fast-check, bounded time per case)", async () => {
    const { standin, bot } = running;
    const pieces = fc.constantFrom(...Object.values(HOSTILE), "Blinken", "Barnea", "Doha", "talks", " ");
    const text = fc.oneof(
      fc.string({ unit: "binary", maxLength: 300 }),
      fc.string({ unit: "grapheme", maxLength: 300 }),
      fc.array(pieces, { maxLength: 6 }).map((parts) => parts.join(" ")),
      fc.string({ unit: "grapheme-ascii", minLength: 5000, maxLength: 6000 }),
    );
    const target = fc.constantFrom(...STRING_OPTIONS);
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(target, text, fc.boolean(), async ({ command, option }, value, hide) => {
        runs += 1;
        const options: Record<string, OptionValue> = { [option.name]: value };
        if (hide) options.hide = true;
        const { message } = await sendAndCheck(
          standin,
          command.name,
          options,
          `/${command.name} ${option.name}`,
        );
        if (hide) expect(Number(message.flags ?? 0) & 64).toBe(64);
      }),
      { numRuns: process.env.CI === "true" ? 60 : 120, timeout: 10_000, interruptAfterTimeLimit: 90_000 },
    );
    expect(runs).toBeGreaterThan(0);
    expect(isRunning(bot)).toBe(true);
  }, 120_000);

  it("answers forged and odd paging buttons (fast-check) with a clear, safe message", async () => {
    const { standin, bot } = running;
    // The running knowledge version, from a real button: forged ids get past the version check.
    const paged = await finalReply(standin, await standin.sendCommand("status", {}), 15_000);
    const rows = (paged.message.components ?? []) as { components: { custom_id: string }[] }[];
    const version = rows[0]?.components[0]?.custom_id.split("|")[1] ?? "";
    expect(version).toMatch(/^[\w-]{6}$/);
    const value = fc.oneof(
      fc.constantFrom(...Object.values(HOSTILE)),
      fc.string({ unit: "binary", maxLength: 60 }),
    );
    const page = fc.oneof(
      fc.constantFrom("0", "1", "-1", "999999", "1e9", "NaN", "01", ""),
      fc.nat().map(String),
    );
    const customId = fc.oneof(
      fc
        .tuple(
          fc.constantFrom(...COMMANDS.map((_, i) => i.toString(36)), "z", "", "~"),
          page,
          fc.array(
            fc.tuple(fc.constantFrom("0", "1", "2", "3", "9", ""), fc.constantFrom("", "~", "~zz", "\\")),
            { maxLength: 3 },
          ),
          fc.array(value, { maxLength: 3 }),
        )
        .map(([command, pageText, keys, values]) =>
          [
            "p2",
            version,
            `${command}${pageText}`,
            ...values.map((v, i) => `${keys[i]?.join("") ?? "0"}${v}`),
          ].join("|"),
        ),
      fc.string({ unit: "binary", maxLength: 120 }),
      fc.constantFrom(
        "pg0|who|1|Barnea",
        "pg9|quote|0|Blinken",
        "pg1|quote|1|#unknownkey",
        "p2|000000|11|0Blinken",
        `p2|${version}|1rr|0Blinken`,
      ),
    );
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(customId, async (id) => {
        runs += 1;
        const dispatchedAt = Date.now();
        const click = await standin.sendButton(id, { id: snowflake(), ownerId: standin.user.id });
        const reply = await finalReply(standin, click, 15_000);
        expect(reply.callback.at - dispatchedAt, id).toBeLessThan(DISCORD_WINDOW_MS);
        expect(reply.message.allowed_mentions, id).toEqual({ parse: [] });
        expect(validateMessage(reply.message), id).toEqual([]);
        const shown = shownText(reply.message);
        expect(shown.trim().length, id).toBeGreaterThan(0);
        expect(shown, id).not.toMatch(/Sorry, something went wrong/);
        for (const text of rawTexts(reply.message))
          for (const live of LIVE) expect(text, id).not.toMatch(live);
      }),
      { numRuns: process.env.CI === "true" ? 40 : 80, timeout: 10_000, interruptAfterTimeLimit: 60_000 },
    );
    expect(runs).toBeGreaterThan(0);
    expect(isRunning(bot)).toBe(true);
  }, 90_000);

  it("logged every one of them with a clear outcome, never an internal error", async () => {
    const { standin, bot } = running;
    // The process is up and still answers normally.
    const after = await sendAndCheck(standin, "who", { name: "Barnea" }, "after the bad input");
    expect(shownText(after.message)).toContain("Who is David Barnea?");
    const lines = bot.logs.filter((line) => line.event === "interaction");
    expect(lines.length).toBeGreaterThan(100);
    const clear = ["answered", "user-error", "foreign-button", "old-button"];
    for (const line of lines) expect(clear).toContain(line.outcome);
    expect(bot.logs.filter((line) => line.level === "error")).toEqual([]);
    // Options are logged cut to 100 characters: a 6,000-character question does not flood the log.
    for (const line of lines) {
      for (const value of Object.values((line.options ?? {}) as Record<string, unknown>)) {
        if (typeof value === "string") expect(value.length).toBeLessThanOrEqual(100);
      }
    }
  });
});
