/**
 * The HTTP endpoint in-process with fake answers, against the stand-in: the reply path after the
 * HTTP response (a deferral, then the `@original` edit or a private follow-up through the
 * interaction's webhook, with no bot token), the apology after a bug, and the same wire rules as
 * the gateway (allowed_mentions, limits).
 */
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Reply } from "../../src/answers/types.js";
import type { CommandOptions } from "../../src/commands/definitions.js";
import { createBotContext } from "../../src/discord/context.js";
import { type HttpInteractions, listenHttpInteractions } from "../../src/discord/http-interactions.js";
import { validateMessage } from "../../src/discord/limits.js";
import { publicKeyFromHex } from "../../src/discord/signature.js";
import type { KnowledgeBase } from "../../src/index/knowledge-base.js";
import { createLogger } from "../../src/log/logger.js";
import { HttpSender } from "../discord-standin/http-interactions.js";
import { slashCommand } from "../discord-standin/payloads.js";
import { type Standin, startStandin } from "../discord-standin/standin.js";
import { finalReply, isEphemeral, shownText } from "../helpers/reliability/replies.js";
import { until } from "../helpers/reliability/wait.js";

const emptyKnowledge = { current: () => ({}) as unknown as KnowledgeBase };

function fakeAnswer(_kb: KnowledgeBase, _name: string, options: CommandOptions): Reply {
  const who = String(options.name ?? "");
  if (who === "crash") throw new Error("boom: a bug in an answer");
  if (who === "nobody")
    return { kind: "user-error", command: "who", message: "No one called “nobody”.", suggestions: [] };
  return {
    kind: "answer",
    command: "who",
    title: `Who is ${who}? @everyone`,
    facts: [{ label: "Role", value: "mediator <@123>" }],
    sections: [],
    notes: [],
  };
}

describe("HTTP endpoint: deferred replies through the webhook", () => {
  let standin: Standin;
  let sender: HttpSender;
  let endpoint: HttpInteractions;
  let url: string;
  const logs: Record<string, unknown>[] = [];
  const place = () => ({
    applicationId: standin.applicationId,
    guildId: standin.guildId,
    channelId: standin.channelId,
  });

  beforeAll(async () => {
    standin = await startStandin();
    sender = new HttpSender(standin);
    const log = createLogger({ write: (line) => logs.push(JSON.parse(line) as Record<string, unknown>) });
    endpoint = await listenHttpInteractions({
      port: 0,
      host: "127.0.0.1",
      publicKey: publicKeyFromHex(sender.signer.publicKeyHex),
      applicationId: standin.applicationId,
      restApi: standin.restApi,
      log,
    });
    url = `http://127.0.0.1:${endpoint.port}`;
    endpoint.serve(
      createBotContext({
        settings: { rateLimit: { commands: 100, windowSeconds: 10 } },
        knowledge: emptyKnowledge,
        log,
        answer: fakeAnswer,
        complete: () => [],
        // Defer every reply: the rest goes through the webhook.
        deferAfterMs: 0,
        isShuttingDown: () => false,
      }),
    );
  });

  afterAll(async () => {
    await endpoint?.close(1000);
    await standin?.close();
  });

  it("defers in the HTTP response, then edits @original through the webhook", async () => {
    const command = slashCommand(place(), standin.user, "who", { name: "Varga" });
    const answer = await sender.send(url, command);
    expect(answer).toEqual({ status: 200, body: { type: 5, data: { flags: 0 } } });
    const reply = await finalReply(standin, command);
    expect(reply.carrier.method).toBe("PATCH");
    expect(reply.carrier.path).toBe(`/webhooks/${standin.applicationId}/${command.token}/messages/@original`);
    expect(reply.message.allowed_mentions).toEqual({ parse: [] });
    expect(validateMessage(reply.message)).toEqual([]);
    expect(shownText(reply.message)).toContain("Who is Varga? @everyone");
    expect(isEphemeral(standin.interaction(command.id)!.original!)).toBe(false);
  });

  it("replaces a public 'thinking' with a private follow-up for a user error", async () => {
    const command = slashCommand(place(), standin.user, "who", { name: "nobody" });
    await sender.send(url, command);
    const webhook = `/webhooks/${standin.applicationId}/${command.token}`;
    await standin.waitForRequest((r) => r.method === "DELETE" && r.path === `${webhook}/messages/@original`);
    const followUp = await standin.waitForRequest((r) => r.method === "POST" && r.path === webhook);
    expect((followUp.body as { flags: number }).flags).toBe(64);
    expect(shownText(followUp.body as Record<string, unknown>)).toContain("No one called “nobody”.");
  });

  it("apologises privately, with the logged error id, for a bug in an answer", async () => {
    const command = slashCommand(place(), standin.user, "who", { name: "crash", hide: true });
    await sender.send(url, command);
    const reply = await finalReply(standin, command);
    const logged = () => logs.find((l) => l.event === "interaction" && l.id === command.id);
    await until(() => logged() !== undefined, "the interaction's log line");
    const errorLine = logged()!;
    expect(errorLine.outcome).toBe("internal-error");
    expect(shownText(reply.message)).toContain(`error ${String(errorLine.errorId)}`);
  });

  it("refuses a body over 1 MB without a length as soon as it passes 1 MB, before it ends", async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${url}/interactions`, {
        method: "POST",
        headers: { "content-type": "application/json", "transfer-encoding": "chunked" },
      });
      req.on("response", (res) => {
        resolve(res.statusCode ?? 0);
        res.resume();
        req.destroy();
      });
      req.on("error", (error) => {
        if (!req.destroyed) reject(error);
      });
      req.flushHeaders();
      // 1.1 MB and never the end of the body: only an early answer can resolve this.
      for (let i = 0; i < 18; i += 1) req.write(Buffer.alloc(64 * 1024, 0x20));
    });
    expect(status).toBe(413);
    expect(logs.some((line) => line.event === "http-rejected" && line.status === 413)).toBe(true);
  });
});
