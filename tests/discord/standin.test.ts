/** The stand-in itself: Discord's status codes and JSON error bodies, on loopback only. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { type Standin, startStandin } from "../discord-standin/standin.js";

/** A bare gateway client: every payload it receives, and a way to wait for one. */
async function connect(url: string) {
  const socket = new WebSocket(`${url}?v=10&encoding=json`);
  const received: { op: number; t?: string | null; s?: number | null; d: Record<string, unknown> }[] = [];
  const waiters: (() => void)[] = [];
  socket.on("message", (raw) => {
    received.push(JSON.parse(raw.toString()));
    for (const wake of waiters.splice(0)) wake();
  });
  const next = async (match: (payload: (typeof received)[number]) => boolean) => {
    for (;;) {
      const found = received.find(match);
      if (found) return found;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  const send = (payload: unknown): void => socket.send(JSON.stringify(payload));
  await new Promise((resolve) => socket.once("open", resolve));
  return { socket, received, next, send };
}

describe("Discord stand-in gateway", () => {
  let standin: Standin;
  beforeAll(async () => {
    standin = await startStandin({ heartbeatIntervalMs: 1000 });
  });
  afterAll(async () => {
    await standin.close();
  });

  it("says HELLO, acks heartbeats, READYs an IDENTIFY, dispatches interactions and resumes", async () => {
    const bot = await connect(standin.gatewayUrl);
    const hello = await bot.next((p) => p.op === 10);
    expect(hello.d).toEqual({ heartbeat_interval: 1000 });
    bot.send({ op: 1, d: null });
    await bot.next((p) => p.op === 11);
    bot.send({ op: 2, d: { token: standin.token, intents: 1, properties: {} } });
    const ready = await bot.next((p) => p.t === "READY");
    expect(ready.d).toMatchObject({ guilds: [], application: { id: standin.applicationId, flags: 0 } });
    const sessionId = String(ready.d.session_id);

    const sent = await standin.sendCommand("who", { name: "Barnea" });
    const dispatched = await bot.next((p) => p.t === "INTERACTION_CREATE");
    expect(dispatched.d).toMatchObject({ id: sent.id, entitlements: [], authorizing_integration_owners: {} });

    // Drop the connection, dispatch while away, then resume: the missed event is replayed.
    bot.socket.terminate();
    const missed = standin.sendCommand("quote", { name: "Blinken" });
    const again = await connect(standin.gatewayUrl);
    await again.next((p) => p.op === 10);
    again.send({ op: 6, d: { token: standin.token, session_id: sessionId, seq: dispatched.s } });
    await again.next((p) => p.t === "RESUMED");
    const replayed = await again.next((p) => p.t === "INTERACTION_CREATE");
    expect(replayed.d.id).toBe((await missed).id);
    again.socket.close();
  });

  it("closes with 4004 when IDENTIFY carries the wrong token", async () => {
    const bot = await connect(standin.gatewayUrl);
    await bot.next((p) => p.op === 10);
    const closed = new Promise((resolve) => bot.socket.once("close", (code) => resolve(code)));
    bot.send({ op: 2, d: { token: "wrong", intents: 1, properties: {} } });
    expect(await closed).toBe(4004);
  });
});

describe("Discord stand-in REST", () => {
  let standin: Standin;
  let bot: Awaited<ReturnType<typeof connect>>;
  beforeAll(async () => {
    standin = await startStandin();
    bot = await connect(standin.gatewayUrl);
    await bot.next((p) => p.op === 10);
    bot.send({ op: 2, d: { token: standin.token, intents: 1, properties: {} } });
    await bot.next((p) => p.t === "READY");
  });
  afterAll(async () => {
    bot.socket.close();
    await standin.close();
  });

  const call = async (method: string, path: string, body?: unknown, token?: string) => {
    const response = await fetch(`${standin.restApi}/v10${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...(token ? { authorization: `Bot ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
  };

  it("listens on 127.0.0.1 only", () => {
    expect(new URL(standin.restApi).hostname).toBe("127.0.0.1");
    expect(new URL(standin.gatewayUrl).hostname).toBe("127.0.0.1");
  });

  it("gives the gateway address to the right token and 401 to any other", async () => {
    const ok = await call("GET", "/gateway/bot", undefined, standin.token);
    expect(ok).toMatchObject({ status: 200, body: { url: standin.gatewayUrl, shards: 1 } });
    expect(await call("GET", "/gateway/bot", undefined, "wrong")).toEqual({
      status: 401,
      body: { message: "401: Unauthorized", code: 0 },
    });
  });

  it("answers unknown routes and interactions with Discord's JSON errors", async () => {
    expect(await call("GET", "/nowhere")).toEqual({
      status: 404,
      body: { message: "404: Not Found", code: 0 },
    });
    const unknown = await call("POST", "/interactions/123456789012345678/tok/callback", {
      type: 4,
      data: {},
    });
    expect(unknown).toEqual({ status: 404, body: { message: "Unknown interaction", code: 10062 } });
  });

  it("refuses a second acknowledgement and edits the original reply", async () => {
    const interaction = await standin.sendInteraction({
      id: "223456789012345678",
      token: "tok-a",
      type: 2,
    });
    const path = `/interactions/${interaction.id}/${interaction.token}/callback`;
    expect((await call("POST", path, { type: 5, data: { flags: 64 } })).status).toBe(204);
    expect(await call("POST", path, { type: 4, data: {} })).toEqual({
      status: 400,
      body: { message: "Interaction has already been acknowledged.", code: 40060 },
    });
    const edited = await call("PATCH", `/webhooks/${standin.applicationId}/tok-a/messages/%40original`, {
      content: "done",
    });
    expect(edited).toMatchObject({ status: 200, body: { content: "done", flags: 64 } });
    expect(standin.requests.at(-1)?.path).toBe(`/webhooks/${standin.applicationId}/tok-a/messages/@original`);
  });

  it("fails the next matching request as planned, then recovers", async () => {
    standin.faults.failNext({ path: "/gateway/bot", status: 429, retryAfter: 0.5 });
    const limited = await call("GET", "/gateway/bot", undefined, standin.token);
    expect(limited).toEqual({
      status: 429,
      body: { message: "You are being rate limited.", retry_after: 0.5, global: false },
    });
    expect((await call("GET", "/gateway/bot", undefined, standin.token)).status).toBe(200);
  });
});
