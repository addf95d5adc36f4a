/**
 * End to end: the real Parley process (`tsx src/main.ts`, as `npm start` runs it) with the real
 * discord.js client and the shipped knowledge, against the local Discord stand-in. Everything is
 * asserted on the wire, against the hand-checked expectations in ../shared/eval/seed-gold.json.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/commands/definitions.js";
import { validateMessage } from "../../src/discord/limits.js";
import { asShown } from "../discord-standin/as-shown.js";
import {
  exitWithin,
  killIfRunning,
  REPO_ROOT,
  readyOrExited,
  type SpawnedBot,
  spawnScript,
  standinEnv,
} from "../discord-standin/spawn-bot.js";
import {
  type RawInteraction,
  type RecordedRequest,
  type Standin,
  startStandin,
} from "../discord-standin/standin.js";
import { until } from "../helpers/reliability/wait.js";

interface GoldQuote {
  paragraph: number;
  speaker: string;
  text: string;
  type: string;
}
interface GoldStatus {
  paragraph: number;
  evidence: string;
  refers_to_date: string | null;
}
const gold = JSON.parse(readFileSync(resolve(REPO_ROOT, "../shared/eval/seed-gold.json"), "utf8")) as {
  files: Record<
    string,
    { quotes: GoldQuote[]; people: { name: string; role: string }[]; status: GoldStatus[] }
  >;
};
const seed = Object.values(gold.files)[0]!;

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** A gold date as Parley may show it: `2024-10-27`, or `2024-08` / `Aug 2024` for a month. */
function shownDate(iso: string): RegExp {
  const [year, month, day] = iso.split("-");
  if (day) return new RegExp(`\\b${iso}\\b`);
  return new RegExp(`\\b${iso}\\b|\\b${MONTHS[Number(month) - 1]}\\w* ${year}\\b`);
}

/** Starting tsx and building the knowledge base takes a few seconds on a busy machine. */
const START_TIMEOUT_MS = 60_000;

type Message = Record<string, unknown>;

function callback(standin: Standin, interaction: RawInteraction): Promise<RecordedRequest> {
  return standin.waitForCallback(interaction);
}

/** The message an interaction produced: the callback's data, or the edit after a deferral. */
async function replyTo(standin: Standin, interaction: RawInteraction): Promise<Message> {
  const first = await callback(standin, interaction);
  const body = first.body as { type: number; data?: Message };
  if (body.type !== 5 && body.type !== 6) return body.data ?? {};
  const edit = await standin.waitForRequest(
    (r) =>
      (r.method === "PATCH" || r.method === "POST") &&
      r.path.startsWith(`/webhooks/${standin.applicationId}/${interaction.token}`),
  );
  return edit.body as Message;
}

function embedText(message: Message): string {
  const embeds = (message.embeds ?? []) as {
    title?: string;
    description?: string;
    footer?: { text?: string };
  }[];
  return asShown(
    embeds.map((e) => [e.title, e.description, e.footer?.text].filter(Boolean).join("\n")).join("\n"),
  );
}

function nextButton(message: Message): { custom_id: string; disabled?: boolean } | undefined {
  const rows = (message.components ?? []) as {
    components: { custom_id: string; label?: string; disabled?: boolean }[];
  }[];
  return rows.flatMap((row) => row.components).find((button) => button.label?.includes("Next"));
}

/** Sends a command and follows Next to the last page; returns every page's text. */
async function allPages(standin: Standin, name: string, options: Record<string, string>): Promise<string[]> {
  const interaction = await standin.sendCommand(name, options);
  let message = await replyTo(standin, interaction);
  const pages = [embedText(message)];
  const original = standin.interaction(interaction.id)?.original;
  for (let next = nextButton(message); next && !next.disabled && original; next = nextButton(message)) {
    const click = await standin.sendButton(next.custom_id, {
      id: String(original.id),
      ownerId: standin.user.id,
    });
    message = await replyTo(standin, click);
    pages.push(embedText(message));
  }
  return pages;
}

/** The item that shows `text` and its citation line (the line after it). */
function itemWith(pages: string[], text: string): { item: string; citation: string } | undefined {
  for (const page of pages) {
    const lines = page.split("\n");
    const at = lines.findIndex((line) => line.includes(text));
    if (at >= 0) return { item: lines[at] ?? "", citation: lines[at + 1] ?? "" };
  }
  return undefined;
}

describe("Parley end to end on the Discord stand-in", () => {
  let standin: Standin;
  let bot: SpawnedBot;
  /** A Next button from before the restart, clicked again after it. */
  let pagedEarlier: { customId: string; messageId: string; page2: string } | undefined;

  beforeAll(async () => {
    standin = await startStandin();
    bot = spawnScript("src/main.ts", standinEnv(standin));
    await readyOrExited(standin, bot, START_TIMEOUT_MS);
  }, START_TIMEOUT_MS + 5000);

  afterAll(async () => {
    await killIfRunning(bot);
    await standin?.close();
  });

  it(
    "registers every command from the definitions with npm run deploy-commands",
    async () => {
      const deploy = spawnScript(
        "src/discord/deploy-commands.ts",
        standinEnv(standin, { DISCORD_GUILD_ID: standin.guildId }),
      );
      expect((await exitWithin(deploy, START_TIMEOUT_MS)).code).toBe(0);
      const put = await standin.waitForRequest(
        (r) =>
          r.method === "PUT" &&
          r.path === `/applications/${standin.applicationId}/guilds/${standin.guildId}/commands`,
      );
      const body = put.body as {
        name: string;
        type: number;
        options: { name: string; type: number; autocomplete?: boolean }[];
      }[];
      expect(body.map((command) => command.name)).toEqual(COMMANDS.map((command) => command.name));
      for (const command of body) {
        expect(command.type).toBe(1);
        // /add (moderators) always answers privately: it has no `hide`.
        if (command.name === "add") continue;
        expect(command.options.find((option) => option.name === "hide")?.type).toBe(5);
      }
      const who = body.find((command) => command.name === "who");
      expect(who?.options.find((option) => option.name === "name")).toMatchObject({
        type: 3,
        autocomplete: true,
      });
      expect(deploy.stdout()).toContain(
        `registered ${COMMANDS.length} commands for guild ${standin.guildId}`,
      );

      // Without DISCORD_GUILD_ID the same body goes to the global route.
      const global = spawnScript("src/discord/deploy-commands.ts", standinEnv(standin));
      expect((await exitWithin(global, START_TIMEOUT_MS)).code).toBe(0);
      const globalPut = await standin.waitForRequest(
        (r) => r.method === "PUT" && r.path === `/applications/${standin.applicationId}/commands`,
      );
      expect(globalPut.body).toEqual(put.body);
    },
    2 * START_TIMEOUT_MS,
  );

  it("/who Barnea names him head of the Israeli Foreign Intelligence Service (Mossad), citing ¶9", async () => {
    const barnea = seed.people.find((person) => person.name === "David Barnea")!;
    const source = seed.quotes.find((quote) => quote.text.includes(barnea.role))!;
    expect(source.paragraph).toBe(9);
    const pages = await allPages(standin, "who", { name: "Barnea" });
    expect(pages[0]).toContain(`Who is ${barnea.name}?`);
    expect(pages.join("\n")).toMatch(new RegExp(`Role:\\*\\* ${barnea.role.replace(/[()]/g, "\\$&")}`));
    const cited = itemWith(pages, `${barnea.role}, ${barnea.name}`);
    expect(cited?.citation).toMatch(new RegExp(`^↳ .*24 Oct 2024 · ¶${source.paragraph}$`));
  });

  it("/quote Blinken shows both direct quotes in order, each with its citation", async () => {
    const direct = seed.quotes.filter(
      (quote) => quote.speaker === "Anthony Blinken" && quote.type === "direct",
    );
    expect(direct.length).toBe(2);
    const pages = await allPages(standin, "quote", { name: "Blinken" });
    const all = pages.join("\n");
    const positions = direct.map((quote) => all.indexOf(quote.text));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    for (const quote of direct) {
      expect(itemWith(pages, quote.text)?.citation).toMatch(
        new RegExp(`^↳ .*24 Oct 2024 · ¶${quote.paragraph}\\b`),
      );
    }
  });

  it("/status talks dates the Doha meeting 2024-10-27 and the stop August 2024", async () => {
    const pages = await allPages(standin, "status", { topic: "talks" });
    const meeting = seed.status.find((fact) => fact.paragraph === 9)!;
    const stop = seed.status.find((fact) => fact.paragraph === 11)!;
    expect([meeting.refers_to_date, stop.refers_to_date]).toEqual(["2024-10-27", "2024-08"]);
    for (const fact of [meeting, stop]) {
      const shown = itemWith(pages, fact.evidence);
      expect(shown?.item).toMatch(shownDate(fact.refers_to_date!));
      expect(shown?.citation).toContain(`¶${fact.paragraph}`);
    }
    // What happens next is on page 1: the 27 October meeting in Doha, under "Next".
    const first = pages[0] ?? "";
    expect(first).toContain("__**Next**__");
    expect(itemWith([first], meeting.evidence)?.item).toMatch(/2024-10-27 · scheduled meeting · Doha/);
    expect(first.indexOf("__**Next**__")).toBeLessThan(first.indexOf(meeting.evidence));
    expect(first).not.toContain("__**Before**__");
  });

  it("autocompletes Bli with Blinken", async () => {
    const interaction = await standin.sendAutocomplete("quote", { name: "Bli" }, "name");
    const request = await callback(standin, interaction);
    expect((request.body as { type: number }).type).toBe(8);
    const choices = (request.body as { data: { choices: { name: string; value: string }[] } }).data.choices;
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices.some((choice) => choice.name.includes("Blinken"))).toBe(true);
  });

  it("answers privately with flag 64 when hide is set", async () => {
    const interaction = await standin.sendCommand("who", { name: "Barnea", hide: true });
    const request = await callback(standin, interaction);
    const body = request.body as { type: number; data: { flags?: number } };
    expect(body.data.flags).toBe(64);
  });

  it("pages a long answer and the Next button turns to page 2", async () => {
    let found: { interaction: RawInteraction; message: Message } | undefined;
    for (const [name, options] of [
      ["quote", { name: "Blinken" }],
      ["who", { name: "Blinken" }],
      ["status", {}],
      ["ask", { question: "Hamas negotiations Doha hostages ceasefire" }],
    ] as const) {
      const interaction = await standin.sendCommand(name, options);
      const message = await replyTo(standin, interaction);
      if (nextButton(message)) {
        found = { interaction, message };
        break;
      }
    }
    expect(found, "no answer on the shipped article spans two pages").toBeDefined();
    const { interaction, message } = found!;
    expect(embedText(message)).toMatch(/Page 1\/\d+/);
    const original = standin.interaction(interaction.id)!.original!;
    const click = await standin.sendButton(nextButton(message)!.custom_id, {
      id: String(original.id),
      ownerId: standin.user.id,
    });
    const turned = await callback(standin, click);
    expect((turned.body as { type: number }).type).toBe(7);
    const page2 = embedText((turned.body as { data: Message }).data);
    expect(page2).toMatch(/Page 2\/\d+/);
    expect(page2).not.toEqual(embedText(message));
    pagedEarlier = { customId: nextButton(message)!.custom_id, messageId: String(original.id), page2 };
  });

  it("sent every reply with allowed_mentions {parse: []} and within every Discord limit", () => {
    const messages = standin.requests.filter(
      (r) =>
        (r.path.endsWith("/callback") && [4, 7].includes((r.body as { type: number }).type)) ||
        (r.path.startsWith("/webhooks/") && (r.method === "PATCH" || r.method === "POST")),
    );
    expect(messages.length).toBeGreaterThanOrEqual(8);
    for (const request of messages) {
      const body = (
        request.path.endsWith("/callback") ? (request.body as { data: Message }).data : request.body
      ) as Message;
      expect(body.allowed_mentions).toEqual({ parse: [] });
      expect(validateMessage(body)).toEqual([]);
    }
    for (const request of standin.requests.filter((r) => r.path.endsWith("/callback"))) {
      expect(validateMessage(request.body)).toEqual([]);
    }
  });

  it("logs one JSON line per interaction, without the token", async () => {
    // The line is written once the reply is sent, so it may trail the reply the test saw.
    await until(
      () => bot.logs.filter((line) => line.event === "interaction").length >= 8,
      "a log line for each interaction",
    );
    const lines = bot.logs.filter((line) => line.event === "interaction");
    for (const line of lines) expect(line).toMatchObject({ id: expect.any(String), outcome: "answered" });
    expect(bot.stdout() + bot.stderr()).not.toContain(standin.token);
  });

  it("on SIGTERM finishes the interaction in flight, then exits 0 within 5 s", async () => {
    // Discord answers this reply slowly, so the interaction is still in flight at SIGTERM.
    standin.faults.failNext({ path: "/callback", delayMs: 1000 });
    const interaction = await standin.sendCommand("who", { name: "Barnea" });
    // SIGTERM once the bot's reply is on the wire and held by the stand-in.
    while (standin.pendingRequests() === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const signalledAt = Date.now();
    bot.child.kill("SIGTERM");
    const exit = await exitWithin(bot, 10_000);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(Date.now() - signalledAt).toBeLessThan(5000);
    expect(standin.interaction(interaction.id)?.callbackType).toBe(4);
    expect(bot.logs.find((line) => line.event === "interaction" && line.id === interaction.id)).toMatchObject(
      {
        outcome: "answered",
      },
    );
    expect(bot.logs.some((line) => line.event === "stopped")).toBe(true);
  }, 15_000);

  it(
    "after a restart, a Next button from before still turns the page",
    async () => {
      expect(pagedEarlier).toBeDefined();
      const { customId, messageId, page2 } = pagedEarlier!;
      bot = spawnScript("src/main.ts", standinEnv(standin));
      await standin.waitForBot(START_TIMEOUT_MS);
      // The new process has to identify again: wait until it does before clicking.
      await bot.waitForLog((line) => line.event === "ready", START_TIMEOUT_MS);
      const click = await standin.sendButton(customId, { id: messageId, ownerId: standin.user.id });
      const turned = await callback(standin, click);
      expect((turned.body as { type: number }).type).toBe(7);
      expect(embedText((turned.body as { data: Message }).data)).toEqual(page2);
    },
    START_TIMEOUT_MS + 5000,
  );
});

describe("Parley with a bad token", () => {
  it(
    "fails login with a clear message and a non-zero exit",
    async () => {
      const standin = await startStandin();
      try {
        const bot = spawnScript("src/main.ts", standinEnv(standin, { DISCORD_TOKEN: "not.the.right-token" }));
        const exit = await exitWithin(bot, START_TIMEOUT_MS);
        expect(exit.code).not.toBe(0);
        expect(bot.stderr()).toContain("Parley: Discord rejected DISCORD_TOKEN (401 Unauthorized)");
        expect(standin.requests.some((r) => r.path === "/gateway/bot" && r.status === 401)).toBe(true);
      } finally {
        await standin.close();
      }
    },
    START_TIMEOUT_MS + 5000,
  );

  it(
    "reports every invalid setting at once and exits non-zero",
    async () => {
      const standin = await startStandin();
      try {
        const env = standinEnv(standin, { DISCORD_APPLICATION_ID: "my-app", RATE_LIMIT_COMMANDS: "many" });
        const bot = spawnScript("src/main.ts", env);
        const exit = await exitWithin(bot, START_TIMEOUT_MS);
        expect(exit.code).not.toBe(0);
        expect(bot.stderr()).toContain("Parley: DISCORD_APPLICATION_ID must be a Discord id");
        expect(bot.stderr()).toContain("Parley: RATE_LIMIT_COMMANDS must be a positive whole number");
        expect(standin.requests).toHaveLength(0);
      } finally {
        await standin.close();
      }
    },
    START_TIMEOUT_MS + 5000,
  );
});
