/**
 * End to end in HTTP mode: two real Parley processes (`npm start` with PARLEY_HTTP_PORT and no bot
 * token) behind nothing, the stand-in signing interactions with its test key and posting them to
 * one replica or the other. A page opened on one is turned on the other; forged, stale, oversized,
 * malformed and repeated requests are refused and change nothing; /readyz follows loading and
 * SIGTERM; the replies go through the same path as the gateway's (allowed_mentions, limits).
 */
import { execFileSync } from "node:child_process";
import { link, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateMessage } from "../../src/discord/limits.js";
import {
  createSigner,
  get,
  HttpSender,
  knowledgeCopy,
  type Replica,
  spawnReplica,
  untilReady,
} from "../discord-standin/http-interactions.js";
import { autocomplete, buttonClick, slashCommand } from "../discord-standin/payloads.js";
import { exitWithin, killIfRunning, readyOrExited } from "../discord-standin/spawn-bot.js";
import { type Standin, startStandin } from "../discord-standin/standin.js";
import { finalReply, isEphemeral, type Message, shownText } from "../helpers/reliability/replies.js";

const START_TIMEOUT_MS = 60_000;

/** Our own article (invented text): eight quotes by one mediator, so /quote has two pages. */
const MEDIATOR_ARTICLE = `---
title: Mediator sets out the next steps for the harbour talks
published: 2025-02-03
language: en
---

The mediator Lena Varga spoke to reporters in Valletta on Monday after a long day of meetings.

Varga said, “We made real progress on the exchange of lists today.”

She added, “Both delegations agreed to meet again before the end of the month.”

“The text on the ceasefire lines is almost ready,” Varga said.

Varga said, “Nobody should expect a final agreement this week.”

“We still disagree on the timetable for the second phase,” Varga said.

Varga said, “I will travel to Cairo on Wednesday to brief the other mediators.”

She added, “The humanitarian corridor must stay open during the talks.”

“I am more hopeful than I was a month ago,” Varga said.
`;

function buttons(message: Message): { custom_id: string; label?: string; disabled?: boolean }[] {
  const rows = (message.components ?? []) as { components: { custom_id: string; label?: string }[] }[];
  return rows.flatMap((row) => row.components);
}

describe("HTTP interactions: two replicas", () => {
  let standin: Standin;
  let sender: HttpSender;
  let a: Replica | undefined;
  let b: Replica | undefined;
  const place = () => ({
    applicationId: standin.applicationId,
    guildId: standin.guildId,
    channelId: standin.channelId,
  });
  /** Replica A's people.yaml is a FIFO at first: its loading waits until the test writes to it. */
  let release: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    standin = await startStandin();
    sender = new HttpSender(standin, createSigner());
    const heldDir = await knowledgeCopy();
    await writeFile(join(heldDir, "2025-02-03-mediator.md"), MEDIATOR_ARTICLE);
    const fifo = join(heldDir, "people.yaml");
    const handle = `${heldDir}-fifo`;
    execFileSync("mkfifo", [fifo]);
    await link(fifo, handle);
    release = async () => {
      // Ends the waiting read (opening the FIFO waits for its reader), then a regular empty file
      // takes its place for later reloads (the folder is watched only once loaded).
      await writeFile(handle, "");
      await writeFile(`${fifo}.tmp`, "");
      await rename(`${fifo}.tmp`, fifo);
      await rm(handle, { force: true });
    };
    const freeDir = await knowledgeCopy();
    await writeFile(join(freeDir, "people.yaml"), "");
    await writeFile(join(freeDir, "2025-02-03-mediator.md"), MEDIATOR_ARTICLE);
    [a, b] = await Promise.all([
      spawnReplica(standin, sender.signer, { knowledgeDir: heldDir }),
      // Debug: B logs each request as it arrives (the SIGTERM test waits for that).
      spawnReplica(standin, sender.signer, { knowledgeDir: freeDir, env: { LOG_LEVEL: "debug" } }),
    ]);
  }, START_TIMEOUT_MS + 5000);

  afterAll(async () => {
    await killIfRunning(a?.bot);
    await killIfRunning(b?.bot);
    await a?.cleanUp();
    await b?.cleanUp();
    await standin?.close();
  });

  it(
    "says /healthz 200 at once, /readyz 503 until the knowledge is loaded, then 200",
    async () => {
      const replica = a!;
      expect((await get(`${replica.url}/healthz`)).status).toBe(200);
      const loading = await get(`${replica.url}/readyz`);
      expect(loading.status).toBe(503);
      // An interaction meanwhile is refused, not half-answered.
      const early = await sender.send(
        replica.url,
        slashCommand(place(), standin.user, "who", { name: "Barnea" }),
      );
      expect(early.status).toBe(503);
      expect(standin.requests).toHaveLength(0);
      await release!();
      await untilReady(replica, START_TIMEOUT_MS);
      await untilReady(b!, START_TIMEOUT_MS);
      expect((await get(`${replica.url}/healthz`)).status).toBe(200);
    },
    START_TIMEOUT_MS * 2,
  );

  it("answers PING with PONG", async () => {
    const answer = await sender.send(a!.url, {
      id: "1",
      token: "ping",
      type: 1,
      application_id: standin.applicationId,
    });
    expect(answer).toEqual({ status: 200, body: { type: 1 } });
  });

  it("turns a /quote page opened on replica A with a Next click on replica B", async () => {
    const command = slashCommand(place(), standin.user, "quote", { name: "Lena Varga" });
    expect((await sender.send(a!.url, command)).status).toBe(200);
    const first = await finalReply(standin, command);
    expect(first.message.allowed_mentions).toEqual({ parse: [] });
    expect(validateMessage(first.message)).toEqual([]);
    const next = buttons(first.message).find((button) => button.label?.includes("Next"));
    expect(next, "a Next button").toBeDefined();
    expect(next!.custom_id.length).toBeLessThanOrEqual(100);
    const page1 = shownText(first.message);
    expect(page1).toContain("Page 1/2");
    expect(page1).toContain("We made real progress on the exchange of lists today.");

    const original = standin.interaction(command.id)!.original!;
    const click = buttonClick(place(), standin.user, next!.custom_id, {
      id: String(original.id),
      ownerId: standin.user.id,
      embeds: original.embeds as unknown[],
      components: original.components as unknown[],
    });
    const turned = await sender.send(b!.url, click);
    expect(turned.status).toBe(200);
    const reply = await finalReply(standin, click);
    expect([6, 7]).toContain(reply.callbackType);
    const page2 = shownText(reply.message);
    expect(page2).toContain("Page 2/2");
    expect(page2).toContain("I am more hopeful than I was a month ago");
    expect(page2).not.toContain("We made real progress");
    expect(reply.message.allowed_mentions).toEqual({ parse: [] });
    // B logged it as answered: it rebuilt the answer from the id alone.
    await b!.bot.waitForLog(
      (line) => line.event === "interaction" && line.id === click.id && line.outcome === "answered",
    );

    // The same button from another knowledge version: a clear "updated" answer, privately.
    const [prefix, , ...rest] = next!.custom_id.split("|");
    const stale = buttonClick(place(), standin.user, [prefix, "000000", ...rest].join("|"), {
      id: String(original.id),
      ownerId: standin.user.id,
    });
    await sender.send(b!.url, stale);
    const updated = await finalReply(standin, stale);
    expect(isEphemeral(updated.message)).toBe(true);
    expect(shownText(updated.message)).toContain(
      "This answer has been updated since these buttons were made: run /quote again",
    );
  });

  it("answers autocomplete and a private command on either replica", async () => {
    const typed = autocomplete(place(), standin.user, "quote", { name: "Bli" }, "name");
    const choices = await sender.send(b!.url, typed);
    expect(choices.status).toBe(200);
    expect(choices.body).toMatchObject({ type: 8 });
    expect(JSON.stringify(choices.body)).toContain("Anthony Blinken");
    const hidden = slashCommand(place(), standin.user, "who", { name: "Barnea", hide: true });
    await sender.send(a!.url, hidden);
    const reply = await finalReply(standin, hidden);
    expect(isEphemeral(reply.message)).toBe(true);
    expect(shownText(reply.message)).toContain("Who is David Barnea?");
  });

  it("refuses forged, stale, oversized, malformed and repeated requests, and they change nothing", async () => {
    const replica = a!;
    const requestsBefore = standin.requests.length;
    const fresh = () => slashCommand(place(), standin.user, "who", { name: "Barnea" });
    const forged = fresh();
    const forger = createSigner();
    expect((await sender.send(replica.url, forged, { signer: forger })).status).toBe(401);
    const unsigned = fresh();
    expect((await sender.send(replica.url, unsigned, { headers: {} })).status).toBe(401);
    const garbled = fresh();
    const garbledHeaders = { "x-signature-ed25519": "zz", "x-signature-timestamp": "now" };
    expect((await sender.send(replica.url, garbled, { headers: garbledHeaders })).status).toBe(401);
    const stale = fresh();
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    expect((await sender.send(replica.url, stale, { timestamp: sixMinutesAgo })).status).toBe(401);
    const oversized = fresh();
    const big = Buffer.from(JSON.stringify({ ...oversized, padding: "x".repeat(1024 * 1024) }));
    expect((await sender.send(replica.url, oversized, { raw: big })).status).toBe(413);
    const malformed = fresh();
    expect((await sender.send(replica.url, malformed, { raw: Buffer.from("{not json") })).status).toBe(400);
    // Signed the same body again with a body changed after signing: a bad signature.
    const tampered = fresh();
    const body = Buffer.from(JSON.stringify(tampered));
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = sender.signer.sign(timestamp, body);
    const changed = Buffer.from(JSON.stringify({ ...tampered, data: { name: "sources", type: 1 } }));
    const tamperedAnswer = await sender.send(replica.url, tampered, {
      raw: changed,
      headers: { "x-signature-ed25519": signature, "x-signature-timestamp": timestamp },
    });
    expect(tamperedAnswer.status).toBe(401);

    // Discord checks an endpoint with a badly signed PING too: it must be refused.
    const ping = { id: "2", token: "ping", type: 1, application_id: standin.applicationId };
    expect((await sender.send(replica.url, ping, { signer: forger })).status).toBe(401);

    const refused = [forged, unsigned, garbled, stale, oversized, malformed, tampered];
    expect(standin.requests.slice(requestsBefore)).toEqual([]);
    for (const interaction of refused) expect(standin.interaction(interaction.id)?.callbackType).toBeNull();

    // A repeat of a genuine interaction (a retry) is answered once.
    const genuine = fresh();
    const firstTime = await sender.send(replica.url, genuine);
    expect(firstTime.status).toBe(200);
    const again = await sender.send(replica.url, genuine);
    expect(again.status).toBe(409);
    const callbacks = standin.requests.filter((r) => r.path.includes(`/interactions/${genuine.id}/`));
    expect(callbacks).toHaveLength(1);
    // The log line is written once the reply is out, which can be after the HTTP 200 arrives.
    await replica.bot.waitForLog((line) => line.event === "interaction" && line.id === genuine.id);
    const logged = replica.bot.logs.filter((line) => line.event === "interaction");
    for (const interaction of refused) expect(logged.some((line) => line.id === interaction.id)).toBe(false);
    expect(logged.filter((line) => line.id === genuine.id)).toHaveLength(1);
    // Still healthy, still answering.
    expect((await get(`${replica.url}/readyz`)).status).toBe(200);
  });

  it("says /readyz 503 as soon as SIGTERM arrives, finishes the request in flight, and exits 0", async () => {
    const replica = b!;
    const late = slashCommand(place(), standin.user, "who", { name: "Barnea" });
    // A request still arriving when the signal comes: the drain waits for it.
    let sent!: () => void;
    const arrived = new Promise<void>((resolveArrived) => {
      sent = resolveArrived;
    });
    let finish!: () => void;
    const held = new Promise<void>((resolveHeld) => {
      finish = resolveHeld;
    });
    const received = () => replica.bot.logs.filter((line) => line.event === "http-request").length;
    const before = received();
    const answer = sender.send(replica.url, late, {
      hold: () => {
        sent();
        return held;
      },
    });
    answer.catch(() => undefined); // awaited below; a failure must not go unhandled meanwhile
    await arrived;
    // The replica has the request (its headers and half its body) before the signal.
    await replica.bot.waitForLog(() => received() > before);
    replica.bot.child.kill("SIGTERM");
    await replica.bot.waitForLog((line) => line.event === "shutdown");
    expect((await get(`${replica.url}/readyz`)).status).toBe(503);
    expect((await get(`${replica.url}/healthz`)).status).toBe(200);
    finish();
    const answered = await answer;
    expect(answered.status).toBe(200);
    const reply = await finalReply(standin, late);
    // Arrived during the shutdown: the short private notice, as on the gateway.
    expect(shownText(reply.message)).toContain("Parley is restarting");
    const exit = await exitWithin(replica.bot, 10_000);
    expect(exit.code).toBe(0);
    expect(replica.bot.logs.find((line) => line.event === "stopped")?.unfinished).toBe(0);
  }, 30_000);
});

describe("HTTP interactions beside the gateway, in one process", () => {
  let standin: Standin;
  let sender: HttpSender;
  let both: Replica | undefined;

  beforeAll(async () => {
    standin = await startStandin();
    sender = new HttpSender(standin);
    both = await spawnReplica(standin, sender.signer, { env: { DISCORD_TOKEN: standin.token } });
    await readyOrExited(standin, both.bot, START_TIMEOUT_MS);
    await untilReady(both, START_TIMEOUT_MS);
  }, START_TIMEOUT_MS + 5000);

  afterAll(async () => {
    await killIfRunning(both?.bot);
    await both?.cleanUp();
    await standin?.close();
  });

  it("answers on both, and SIGTERM stops both cleanly", async () => {
    const place = {
      applicationId: standin.applicationId,
      guildId: standin.guildId,
      channelId: standin.channelId,
    };
    const viaGateway = await standin.sendCommand("who", { name: "Barnea" });
    const viaHttp = slashCommand(place, standin.user, "who", { name: "Barnea" });
    expect((await sender.send(both!.url, viaHttp)).status).toBe(200);
    for (const interaction of [viaGateway, viaHttp]) {
      const reply = await finalReply(standin, interaction);
      expect(shownText(reply.message)).toContain("Who is David Barnea?");
      expect(reply.message.allowed_mentions).toEqual({ parse: [] });
    }
    both!.bot.child.kill("SIGTERM");
    expect(await exitWithin(both!.bot, 10_000)).toEqual({ code: 0, signal: null });
  });
});
