/**
 * The stand-in's REST API: the routes a Discord bot uses, with Discord's status codes and JSON
 * error bodies. Every request is recorded (method, path, query, body) so tests assert on the wire.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { snowflake } from "./snowflake.js";

export interface RecordedRequest {
  /** Order of arrival, from 0. */
  index: number;
  method: string;
  /** Decoded path without the `/api/v10` prefix or query, e.g. `/webhooks/1/tok/messages/@original`. */
  path: string;
  query: Record<string, string>;
  /** Parsed JSON body, the raw text when it is not JSON, null when empty. */
  body: unknown;
  /** Status the stand-in answered with. */
  status: number;
  at: number;
}

/**
 * A planned fault: the next `times` matching requests answer with `status` (JSON error body), or,
 * with only `delayMs`, are answered normally after that delay (a slow Discord).
 */
export interface Fault {
  method?: string;
  /** Matches the decoded path (a string matches as a substring). */
  path: string | RegExp;
  status?: number;
  /** Wait this long before answering. */
  delayMs?: number;
  /**
   * Drop the connection without answering (recorded with status 0): `reset` sends a TCP RST (the
   * client sees ECONNRESET), `close` closes it (the client sees "other side closed").
   */
  drop?: "reset" | "close";
  /** Seconds, for 429s (sent in the body and the Retry-After header). */
  retryAfter?: number;
  times?: number;
}

/** What the stand-in knows of an interaction it dispatched. */
export interface InteractionRecord {
  id: string;
  token: string;
  type: number;
  /** Callback type of the first response, null until answered. */
  callbackType: number | null;
  /** The original response message (for type 4/5/7 callbacks). */
  original: Record<string, unknown> | null;
  /** For button clicks: the id of the message the button was on. */
  sourceMessageId: string | null;
  followUps: Record<string, unknown>[];
}

export interface RestOptions {
  token: string;
  applicationId: string;
  channelId: string;
  gatewayUrl: () => string;
  /** What `GET /gateway/bot` recommends. */
  shardCount: number;
}

type Handler = (request: ParsedRequest) => {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
};

interface ParsedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  authorization: string | undefined;
  params: string[];
}

const ROUTE_PREFIX = /^\/api(?:\/v\d+)?/;

export class StandinRest {
  readonly requests: RecordedRequest[] = [];
  readonly interactions = new Map<string, InteractionRecord>();
  readonly messages = new Map<string, Record<string, unknown>>();
  readonly registeredCommands = new Map<string, unknown[]>();
  /** The first callback request of each interaction, by interaction id (fast lookups under load). */
  readonly callbacks = new Map<string, RecordedRequest>();
  private readonly faults: (Fault & { times: number })[] = [];
  private listeners: ((request: RecordedRequest) => void)[] = [];
  /** Requests received but not yet answered (e.g. held by a delay fault). */
  pending = 0;
  private readonly routes: [string, RegExp, Handler][];

  constructor(private readonly options: RestOptions) {
    const app = "(\\d+)";
    const token = "([^/]+)";
    this.routes = [
      ["GET", /^\/gateway\/bot$/, (r) => this.authed(r, () => this.gatewayBot())],
      ["GET", /^\/gateway$/, () => ({ status: 200, body: { url: this.options.gatewayUrl() } })],
      ["GET", /^\/users\/@me$/, (r) => this.authed(r, () => ({ status: 200, body: this.botUser() }))],
      [
        "GET",
        /^\/(?:oauth2\/)?applications\/@me$/,
        (r) =>
          this.authed(r, () => ({
            status: 200,
            body: { id: this.options.applicationId, name: "Parley", flags: 0 },
          })),
      ],
      [
        "PUT",
        new RegExp(`^/applications/${app}/commands$`),
        (r) => this.authed(r, () => this.putCommands(r, null)),
      ],
      [
        "PUT",
        new RegExp(`^/applications/${app}/guilds/(\\d+)/commands$`),
        (r) => this.authed(r, () => this.putCommands(r, r.params[1] ?? null)),
      ],
      [
        "GET",
        new RegExp(`^/applications/${app}/commands$`),
        (r) => this.authed(r, () => this.getCommands(null)),
      ],
      [
        "GET",
        new RegExp(`^/applications/${app}/guilds/(\\d+)/commands$`),
        (r) => this.authed(r, () => this.getCommands(r.params[1] ?? null)),
      ],
      ["POST", new RegExp(`^/interactions/(\\d+)/${token}/callback$`), (r) => this.callback(r)],
      ["GET", new RegExp(`^/webhooks/${app}/${token}/messages/@original$`), (r) => this.getOriginal(r)],
      ["PATCH", new RegExp(`^/webhooks/${app}/${token}/messages/@original$`), (r) => this.editOriginal(r)],
      ["DELETE", new RegExp(`^/webhooks/${app}/${token}/messages/@original$`), (r) => this.deleteOriginal(r)],
      ["POST", new RegExp(`^/webhooks/${app}/${token}$`), (r) => this.followUp(r)],
      ["PATCH", new RegExp(`^/webhooks/${app}/${token}/messages/(\\d+)$`), (r) => this.editFollowUp(r)],
      ["DELETE", new RegExp(`^/webhooks/${app}/${token}/messages/(\\d+)$`), (r) => this.deleteFollowUp(r)],
    ];
  }

  /** Plans a failure for the next matching request(s). */
  addFault(fault: Fault): void {
    this.faults.push({ times: 1, ...fault });
  }

  /** Calls `listener` for every request from now on; returns a function that stops it. */
  onRequest(listener: (request: RecordedRequest) => void): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((other) => other !== listener);
    };
  }

  async handle(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
    this.pending += 1;
    try {
      await this.answer(incoming, outgoing);
    } finally {
      this.pending -= 1;
    }
  }

  private async answer(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
    const url = new URL(incoming.url ?? "/", "http://127.0.0.1");
    const path = decodeURIComponent(url.pathname).replace(ROUTE_PREFIX, "");
    const raw = await readBody(incoming);
    const request: ParsedRequest = {
      method: incoming.method ?? "GET",
      path,
      query: Object.fromEntries(url.searchParams),
      body: parseBody(raw, incoming.headers["content-type"]),
      authorization: incoming.headers.authorization,
      params: [],
    };
    const fault = this.takeFault(request);
    if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (fault?.drop) {
      const reset: RecordedRequest = {
        index: this.requests.length,
        method: request.method,
        path,
        query: request.query,
        body: request.body,
        status: 0,
        at: Date.now(),
      };
      this.requests.push(reset);
      if (fault.drop === "reset") incoming.socket.resetAndDestroy();
      else incoming.socket.destroy();
      for (const listener of this.listeners) listener(reset);
      return;
    }
    const answer = (fault && this.faultAnswer(fault)) ?? this.route(request);
    const recorded = this.record(request, answer);
    const headers: Record<string, string> = { ...answer.headers };
    if (answer.body !== undefined) headers["content-type"] = "application/json";
    outgoing.writeHead(answer.status, headers);
    outgoing.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
    for (const listener of this.listeners) listener(recorded);
  }

  /**
   * HTTP mode: the bot's HTTP response to an interaction POST, taken as that interaction's callback
   * (as Discord takes it), recorded like one sent over REST.
   */
  recordCallback(id: string, token: string, body: unknown): RecordedRequest {
    const request: ParsedRequest = {
      method: "POST",
      path: `/interactions/${id}/${token}/callback`,
      query: {},
      body,
      authorization: undefined,
      params: [],
    };
    const recorded = this.record(request, this.route(request));
    for (const listener of this.listeners) listener(recorded);
    return recorded;
  }

  private record(request: ParsedRequest, answer: ReturnType<Handler>): RecordedRequest {
    const { path } = request;
    const recorded: RecordedRequest = {
      index: this.requests.length,
      method: request.method,
      path,
      query: request.query,
      body: request.body,
      status: answer.status,
      at: Date.now(),
    };
    this.requests.push(recorded);
    const callbackOf = /^\/interactions\/(\d+)\/[^/]+\/callback$/.exec(path)?.[1];
    if (callbackOf && !this.callbacks.has(callbackOf)) this.callbacks.set(callbackOf, recorded);
    return recorded;
  }

  private takeFault(request: ParsedRequest): Fault | null {
    const fault = this.faults.find(
      (candidate) =>
        (!candidate.method || candidate.method === request.method) &&
        (typeof candidate.path === "string"
          ? request.path.includes(candidate.path)
          : candidate.path.test(request.path)),
    );
    if (!fault) return null;
    fault.times -= 1;
    if (fault.times <= 0) this.faults.splice(this.faults.indexOf(fault), 1);
    return fault;
  }

  private faultAnswer(fault: Fault): ReturnType<Handler> | null {
    if (fault.status === undefined) return null;
    if (fault.status === 429) {
      const retryAfter = fault.retryAfter ?? 1;
      return {
        status: 429,
        body: { message: "You are being rate limited.", retry_after: retryAfter, global: false },
        // As Discord sends them: discord.js waits Retry-After (seconds) and retries.
        headers: {
          "retry-after": String(retryAfter),
          "x-ratelimit-limit": "5",
          "x-ratelimit-remaining": "0",
          "x-ratelimit-reset-after": String(retryAfter),
          "x-ratelimit-bucket": "standin-fault",
          "x-ratelimit-scope": "user",
        },
      };
    }
    return { status: fault.status, body: { message: `${fault.status}: Stand-in fault`, code: 0 } };
  }

  private route(request: ParsedRequest): ReturnType<Handler> {
    let pathMatched = false;
    for (const [method, pattern, handler] of this.routes) {
      const match = pattern.exec(request.path);
      if (!match) continue;
      pathMatched = true;
      if (method !== request.method) continue;
      request.params = match.slice(1);
      return handler(request);
    }
    return pathMatched
      ? { status: 405, body: { message: "405: Method Not Allowed", code: 0 } }
      : { status: 404, body: { message: "404: Not Found", code: 0 } };
  }

  private authed(request: ParsedRequest, next: () => ReturnType<Handler>): ReturnType<Handler> {
    if (request.authorization !== `Bot ${this.options.token}`) {
      return { status: 401, body: { message: "401: Unauthorized", code: 0 } };
    }
    return next();
  }

  private gatewayBot(): ReturnType<Handler> {
    return {
      status: 200,
      body: {
        url: this.options.gatewayUrl(),
        shards: this.options.shardCount,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
      },
    };
  }

  private botUser(): Record<string, unknown> {
    return {
      id: this.options.applicationId,
      username: "Parley",
      discriminator: "0000",
      avatar: null,
      bot: true,
    };
  }

  private putCommands(request: ParsedRequest, guildId: string | null): ReturnType<Handler> {
    if (request.params[0] !== this.options.applicationId) return unknownApplication();
    if (!Array.isArray(request.body)) return invalidForm("Expected an array of commands");
    const registered = request.body.map((command: Record<string, unknown>) => ({
      ...command,
      id: snowflake(),
      application_id: this.options.applicationId,
      ...(guildId ? { guild_id: guildId } : {}),
      version: snowflake(),
    }));
    this.registeredCommands.set(guildId ?? "global", registered);
    return { status: 200, body: registered };
  }

  private getCommands(guildId: string | null): ReturnType<Handler> {
    return { status: 200, body: this.registeredCommands.get(guildId ?? "global") ?? [] };
  }

  private callback(request: ParsedRequest): ReturnType<Handler> {
    const [id, token] = request.params;
    const interaction = id ? this.interactions.get(id) : undefined;
    if (!interaction || interaction.token !== token) return unknownInteraction();
    if (interaction.callbackType !== null) {
      return { status: 400, body: { message: "Interaction has already been acknowledged.", code: 40060 } };
    }
    const body = request.body as { type?: number; data?: Record<string, unknown> } | null;
    const type = body?.type;
    if (typeof type !== "number") return invalidForm("type is required");
    interaction.callbackType = type;
    const data = body?.data ?? {};
    if (type === 4) {
      interaction.original = this.storeMessage(snowflake(), data, Number(data.flags ?? 0));
    } else if (type === 5) {
      // Deferred: a loading message (flag 128) until the bot edits it.
      interaction.original = this.storeMessage(snowflake(), {}, Number(data.flags ?? 0) | 128);
    } else if ((type === 6 || type === 7) && interaction.sourceMessageId) {
      const existing = this.messages.get(interaction.sourceMessageId) ?? { id: interaction.sourceMessageId };
      interaction.original =
        type === 7 ? this.storeMessage(interaction.sourceMessageId, { ...existing, ...data }, 0) : existing;
    }
    if (request.query.with_response === "true") {
      return {
        status: 200,
        body: {
          interaction: { id, type: interaction.type, response_message_loading: type === 5 },
          resource: { type, ...(interaction.original ? { message: interaction.original } : {}) },
        },
      };
    }
    return { status: 204 };
  }

  private byToken(request: ParsedRequest): InteractionRecord | null {
    const [applicationId, token] = request.params;
    if (applicationId !== this.options.applicationId) return null;
    for (const interaction of this.interactions.values()) if (interaction.token === token) return interaction;
    return null;
  }

  private getOriginal(request: ParsedRequest): ReturnType<Handler> {
    const interaction = this.byToken(request);
    if (!interaction) return unknownWebhook();
    if (!interaction.original) return unknownMessage();
    return { status: 200, body: interaction.original };
  }

  private editOriginal(request: ParsedRequest): ReturnType<Handler> {
    const interaction = this.byToken(request);
    if (!interaction) return unknownWebhook();
    if (!interaction.original) return unknownMessage();
    const id = String(interaction.original.id);
    // Editing a deferred reply clears its loading flag and keeps ephemeral.
    const flags = Number(interaction.original.flags ?? 0) & 64;
    interaction.original = this.storeMessage(
      id,
      { ...interaction.original, ...(request.body as object) },
      flags,
    );
    return { status: 200, body: interaction.original };
  }

  private deleteOriginal(request: ParsedRequest): ReturnType<Handler> {
    const interaction = this.byToken(request);
    if (!interaction) return unknownWebhook();
    if (!interaction.original) return unknownMessage();
    this.messages.delete(String(interaction.original.id));
    interaction.original = null;
    return { status: 204 };
  }

  private followUp(request: ParsedRequest): ReturnType<Handler> {
    const interaction = this.byToken(request);
    if (!interaction) return unknownWebhook();
    if (interaction.callbackType === null) return unknownWebhook();
    const data = (request.body ?? {}) as Record<string, unknown>;
    const message = this.storeMessage(snowflake(), data, Number(data.flags ?? 0));
    interaction.followUps.push(message);
    return { status: 200, body: message };
  }

  private editFollowUp(request: ParsedRequest): ReturnType<Handler> {
    const interaction = this.byToken(request);
    const id = request.params[2] ?? "";
    const existing = this.messages.get(id);
    if (!interaction || !existing) return unknownMessage();
    return {
      status: 200,
      body: this.storeMessage(id, { ...existing, ...(request.body as object) }, Number(existing.flags ?? 0)),
    };
  }

  private deleteFollowUp(request: ParsedRequest): ReturnType<Handler> {
    const id = request.params[2] ?? "";
    if (!this.byToken(request) || !this.messages.delete(id)) return unknownMessage();
    return { status: 204 };
  }

  /** A full message object as Discord returns it (discord.js builds a Message from it). */
  private storeMessage(id: string, data: Record<string, unknown>, flags: number): Record<string, unknown> {
    const message: Record<string, unknown> = {
      type: 0,
      content: "",
      embeds: [],
      components: [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      edited_timestamp: null,
      ...data,
      id,
      channel_id: this.options.channelId,
      author: this.botUser(),
      timestamp: new Date().toISOString(),
      application_id: this.options.applicationId,
      webhook_id: this.options.applicationId,
      flags,
    };
    delete message.allowed_mentions;
    this.messages.set(id, message);
    return message;
  }
}

function unknownInteraction(): ReturnType<Handler> {
  return { status: 404, body: { message: "Unknown interaction", code: 10062 } };
}
function unknownWebhook(): ReturnType<Handler> {
  return { status: 404, body: { message: "Unknown Webhook", code: 10015 } };
}
function unknownMessage(): ReturnType<Handler> {
  return { status: 404, body: { message: "Unknown Message", code: 10008 } };
}
function unknownApplication(): ReturnType<Handler> {
  return { status: 404, body: { message: "Unknown Application", code: 10002 } };
}
function invalidForm(reason: string): ReturnType<Handler> {
  return {
    status: 400,
    body: { message: "Invalid Form Body", code: 50035, errors: { _errors: [{ message: reason }] } },
  };
}

function readBody(incoming: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    incoming.on("error", reject);
  });
}

function parseBody(raw: string, contentType: string | undefined): unknown {
  if (raw === "") return null;
  if (contentType?.includes("application/json")) {
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      return raw;
    }
  }
  return raw;
}
