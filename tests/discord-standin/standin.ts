/**
 * A local Discord stand-in for end-to-end tests: REST over node:http and the gateway over ws on
 * one loopback port. Point the bot at it with `DISCORD_REST_API=<standin.restApi>`; the gateway
 * address comes from `GET /gateway/bot` as on Discord.
 *
 * @example
 * const standin = await startStandin();
 * // spawn the bot with DISCORD_TOKEN=standin.token, DISCORD_REST_API=standin.restApi ...
 * await standin.waitForBot();
 * const interaction = await standin.sendCommand("who", { name: "Barnea" });
 * const reply = await standin.waitForRequest((r) => r.path.includes(interaction.id));
 * await standin.close();
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type GatewayReceived, StandinGateway, shardOf } from "./gateway.js";
import {
  autocomplete,
  type ButtonMessage,
  buttonClick,
  type InteractionPlace,
  type OptionValue,
  type RawInteraction,
  type StandinUser,
  slashCommand,
} from "./payloads.js";
import { type Fault, type InteractionRecord, type RecordedRequest, StandinRest } from "./rest.js";
import { snowflake } from "./snowflake.js";

export type {
  Fault,
  GatewayReceived,
  InteractionRecord,
  OptionValue,
  RawInteraction,
  RecordedRequest,
  StandinUser,
};

export interface StandinOptions {
  /** The token the bot must present (default: a fixed fake one). */
  token?: string;
  applicationId?: string;
  /** Heartbeat interval sent in HELLO (default 41250 ms as on Discord; tests may lower it). */
  heartbeatIntervalMs?: number;
  /** Shards `GET /gateway/bot` recommends and the gateway expects (default 1). */
  shardCount?: number;
}

export interface Standin {
  token: string;
  applicationId: string;
  guildId: string;
  channelId: string;
  /** Base URL for `DISCORD_REST_API` (discord.js appends `/v10/...`). */
  restApi: string;
  gatewayUrl: string;
  /** Every REST request so far, in order of arrival. */
  requests: readonly RecordedRequest[];
  /** Every gateway payload the bot sent (tokens redacted). */
  gatewayReceived: readonly GatewayReceived[];
  /** A default user; pass others to the send functions to act as someone else. */
  user: StandinUser;
  /** Resolves once a bot has identified (or resumed) and is ready for interactions. */
  waitForBot(timeoutMs?: number): Promise<void>;
  /**
   * Dispatches a raw INTERACTION_CREATE (waits for the bot first, unless `waitForBot` is false:
   * then, while the bot is disconnected, the event waits in the session for replay on RESUME).
   */
  sendInteraction(interaction: RawInteraction, options?: { waitForBot?: boolean }): Promise<RawInteraction>;
  sendCommand(
    name: string,
    options?: Record<string, OptionValue>,
    user?: StandinUser,
  ): Promise<RawInteraction>;
  /** A slash command from another guild (e.g. one that `guildOnShard` chose). */
  sendCommandIn(
    guildId: string,
    name: string,
    options?: Record<string, OptionValue>,
  ): Promise<RawInteraction>;
  /** A fresh guild id that Discord's rule routes to `shard`. */
  guildOnShard(shard: number): string;
  /** Resolves once the given shard is connected and ready. */
  waitForShard(shard: number, timeoutMs?: number): Promise<void>;
  sendAutocomplete(
    name: string,
    options: Record<string, OptionValue>,
    focused: string,
    user?: StandinUser,
  ): Promise<RawInteraction>;
  /** Clicks a button on a message the stand-in holds (e.g. an interaction's original reply). */
  sendButton(customId: string, message: ButtonMessage, user?: StandinUser): Promise<RawInteraction>;
  /** HTTP mode (http-interactions.ts): make an interaction known without dispatching it on the gateway. */
  track(interaction: RawInteraction): void;
  /** HTTP mode: record the bot's HTTP response to an interaction as its callback. */
  recordCallback(id: string, token: string, body: unknown): RecordedRequest;
  /** A message the stand-in holds (an original reply, a follow-up). */
  message(id: string): Record<string, unknown> | undefined;
  /** Resolves with the first request (past or future) that matches. */
  waitForRequest(match: (request: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  /** Resolves with the interaction's first callback request (indexed: cheap with thousands in flight). */
  waitForCallback(interaction: { id: string }, timeoutMs?: number): Promise<RecordedRequest>;
  /** What the stand-in knows of an interaction: callback type, original message, follow-ups. */
  interaction(id: string): InteractionRecord | undefined;
  /** REST requests received and not answered yet (a delay fault holds them). */
  pendingRequests(): number;
  /** Commands registered with PUT, by guild id or `global`. */
  registeredCommands(scope: string): unknown[] | undefined;
  faults: {
    /** The next matching REST request(s) fail with the given status (429 honours retryAfter) or are delayed. */
    failNext(fault: Fault): void;
    /** Each gateway fault hits one shard (default 0). */
    dropSocket(shard?: number): void;
    requestReconnect(shard?: number): void;
    /** Stop acknowledging heartbeats (a zombie connection) until the bot reconnects. */
    stopHeartbeatAcks(shard?: number): void;
    invalidateSession(resumable: boolean, shard?: number): void;
  };
  close(): Promise<void>;
}

/**
 * Starts the stand-in on 127.0.0.1 on a free port.
 *
 * @example
 * const standin = await startStandin({ heartbeatIntervalMs: 1000 });
 */
export async function startStandin(options: StandinOptions = {}): Promise<Standin> {
  const token = options.token ?? "standin.fake-token.for-tests";
  const applicationId = options.applicationId ?? snowflake();
  const guildId = snowflake();
  const channelId = snowflake();
  const place: InteractionPlace = { applicationId, guildId, channelId };
  const defaultUser: StandinUser = { id: snowflake(), username: "tester" };

  const server: Server = createServer();
  let port = 0;
  const gatewayUrl = (): string => `ws://127.0.0.1:${port}`;
  const shardCount = options.shardCount ?? 1;
  const rest = new StandinRest({ token, applicationId, channelId, gatewayUrl, shardCount });
  const gateway = new StandinGateway(server, {
    token,
    applicationId,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
    url: gatewayUrl,
    shardCount,
  });
  server.on("request", (incoming, outgoing) => {
    rest.handle(incoming, outgoing).catch((error: unknown) => {
      outgoing.writeHead(500, { "content-type": "application/json" });
      outgoing.end(JSON.stringify({ message: `Stand-in error: ${String(error)}`, code: 0 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;

  /** Known to the REST side (callback, webhook) from now on, however it is delivered. */
  const track = (interaction: RawInteraction): void => {
    const message = interaction.message as { id?: string } | undefined;
    rest.interactions.set(interaction.id, {
      id: interaction.id,
      token: interaction.token,
      type: interaction.type,
      callbackType: null,
      original: null,
      sourceMessageId: message?.id ?? null,
      followUps: [],
    });
  };

  const sendInteraction = async (
    interaction: RawInteraction,
    sendOptions: { waitForBot?: boolean } = {},
  ): Promise<RawInteraction> => {
    if (sendOptions.waitForBot !== false) {
      const guildId = typeof interaction.guild_id === "string" ? interaction.guild_id : null;
      await gateway.waitForReady(10_000, guildId === null ? null : shardOf(guildId, shardCount));
    }
    track(interaction);
    gateway.dispatch("INTERACTION_CREATE", interaction);
    return interaction;
  };

  const waitForRequest = (
    match: (request: RecordedRequest) => boolean,
    timeoutMs = 10_000,
  ): Promise<RecordedRequest> => {
    const found = rest.requests.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const stop = rest.onRequest((request) => {
        if (!match(request)) return;
        clearTimeout(timer);
        stop();
        resolve(request);
      });
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`Parley stand-in: no matching request within ${timeoutMs} ms`));
      }, timeoutMs);
    });
  };

  return {
    token,
    applicationId,
    guildId,
    channelId,
    restApi: `http://127.0.0.1:${port}/api`,
    gatewayUrl: gatewayUrl(),
    requests: rest.requests,
    gatewayReceived: gateway.received,
    user: defaultUser,
    waitForBot: (timeoutMs) => gateway.waitForReady(timeoutMs),
    sendInteraction,
    sendCommand: (name, commandOptions = {}, user = defaultUser) =>
      sendInteraction(slashCommand(place, user, name, commandOptions)),
    sendCommandIn: (otherGuild, name, commandOptions = {}) =>
      sendInteraction(slashCommand({ ...place, guildId: otherGuild }, defaultUser, name, commandOptions)),
    guildOnShard: (shard) => {
      // A snowflake's shard comes from its timestamp bits (>> 22): move the timestamp to the shard.
      const id = BigInt(snowflake());
      const stamp = id >> 22n;
      const count = BigInt(shardCount);
      const shifted = stamp + ((BigInt(shard) - (stamp % count) + count) % count);
      return ((shifted << 22n) | (id & 0x3fffffn)).toString();
    },
    waitForShard: (shard, timeoutMs) => gateway.waitForReady(timeoutMs, shard),
    sendAutocomplete: (name, commandOptions, focused, user = defaultUser) =>
      sendInteraction(autocomplete(place, user, name, commandOptions, focused)),
    sendButton: (customId, message, user = defaultUser) => {
      const stored = rest.messages.get(message.id);
      const withContent: ButtonMessage = {
        ...message,
        embeds: message.embeds ?? (stored?.embeds as unknown[] | undefined),
        components: message.components ?? (stored?.components as unknown[] | undefined),
        flags: message.flags ?? (stored?.flags as number | undefined),
      };
      return sendInteraction(buttonClick(place, user, customId, withContent));
    },
    waitForRequest,
    track,
    recordCallback: (id, token, body) => rest.recordCallback(id, token, body),
    message: (id) => rest.messages.get(id),
    waitForCallback: ({ id }, timeoutMs = 10_000) => {
      const found = rest.callbacks.get(id);
      if (found) return Promise.resolve(found);
      return waitForRequest(() => rest.callbacks.has(id), timeoutMs).then(() => rest.callbacks.get(id)!);
    },
    interaction: (id) => rest.interactions.get(id),
    pendingRequests: () => rest.pending,
    registeredCommands: (scope) => rest.registeredCommands.get(scope),
    faults: {
      failNext: (fault) => rest.addFault(fault),
      dropSocket: (shard) => gateway.dropSocket(shard),
      requestReconnect: (shard) => gateway.requestReconnect(shard),
      stopHeartbeatAcks: (shard) => gateway.stopHeartbeatAcks(shard),
      invalidateSession: (resumable, shard) => gateway.invalidateSession(resumable, shard),
    },
    close: async () => {
      gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
