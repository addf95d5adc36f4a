/**
 * The stand-in's gateway: Discord's WebSocket protocol (JSON encoding, no compression) with
 * HELLO, IDENTIFY, READY, heartbeats and acks, RESUME with replay, sharding (IDENTIFY's
 * `shard: [id, count]`; a guild's events go to shard `(guild_id >> 22) % count`, as on Discord)
 * and fault hooks (drop the socket, op 7 RECONNECT, op 9 INVALID SESSION), each aimed at one shard.
 */
import type { Server } from "node:http";
import { type WebSocket, WebSocketServer } from "ws";
import { snowflake } from "./snowflake.js";

const Op = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  Resume: 6,
  Reconnect: 7,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
} as const;

/** Dispatches kept per session for replay on RESUME. */
const REPLAY_BUFFER = 5000;

/** What the bot sent on the gateway, for tests that assert on the protocol. */
export interface GatewayReceived {
  op: number;
  /** The payload, with any token replaced by `[token]`. */
  d: unknown;
  at: number;
  /** The shard the connection identified or resumed as; null before that. */
  shard: number | null;
}

interface Session {
  id: string;
  seq: number;
  /** Every dispatch of the session, for replay on RESUME. */
  sent: { s: number; t: string; d: unknown }[];
}

/** One shard's state: its current connection and session. */
interface ShardState {
  socket: WebSocket | null;
  session: Session | null;
  /** The socket that was last sent READY or RESUMED. */
  readySocket: WebSocket | null;
  /** False after the stopHeartbeatAcks fault, until the shard connects again. */
  ackHeartbeats: boolean;
}

export interface GatewayOptions {
  token: string;
  applicationId: string;
  heartbeatIntervalMs: number;
  /** The ws:// address the bot connects to (also the resume URL). */
  url: () => string;
  /** Shards the bot must run (what `GET /gateway/bot` reports); default 1. */
  shardCount?: number;
}

/** The shard Discord routes a guild to. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

export class StandinGateway {
  readonly received: GatewayReceived[] = [];
  readonly server: WebSocketServer;
  readonly shardCount: number;
  private readonly shards = new Map<number, ShardState>();
  /** Which shard each socket speaks for, once it has identified or resumed. */
  private readonly socketShard = new Map<WebSocket, number>();
  /** Resolvers waiting for a READY or RESUMED. */
  private readyWaiters: { shard: number | null; resolve: () => void }[] = [];

  constructor(
    httpServer: Server,
    private readonly options: GatewayOptions,
  ) {
    this.shardCount = options.shardCount ?? 1;
    for (let id = 0; id < this.shardCount; id++)
      this.shards.set(id, { socket: null, session: null, readySocket: null, ackHeartbeats: true });
    this.server = new WebSocketServer({ server: httpServer });
    this.server.on("connection", (socket) => this.accept(socket));
  }

  /** True while every shard (or the one given) is connected and has been sent READY or RESUMED. */
  isReadyShard(shard: number): boolean {
    const state = this.shards.get(shard);
    return (
      state !== undefined &&
      state.readySocket !== null &&
      state.readySocket === state.socket &&
      state.socket.readyState === 1
    );
  }

  get isReady(): boolean {
    return [...this.shards.keys()].every((shard) => this.isReadyShard(shard));
  }

  /** Resolves once every shard (or the one given) is connected and ready (at once if it already is). */
  waitForReady(timeoutMs = 10_000, shard: number | null = null): Promise<void> {
    const ready = (): boolean => (shard === null ? this.isReady : this.isReadyShard(shard));
    if (ready()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter = {
        shard,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.readyWaiters = this.readyWaiters.filter((w) => w !== waiter);
        reject(
          new Error(
            `Parley stand-in: ${shard === null ? "no bot" : `shard ${shard} never`} became ready within ${timeoutMs} ms`,
          ),
        );
      }, timeoutMs);
      this.readyWaiters.push(waiter);
    });
  }

  /** Sends a dispatch event to the shard its guild belongs to (kept for replay on RESUME). */
  dispatch(t: string, d: unknown): void {
    const guildId = (d as { guild_id?: unknown } | null)?.guild_id;
    const shard = typeof guildId === "string" ? shardOf(guildId, this.shardCount) : 0;
    const state = this.state(shard);
    const session = state.session;
    if (!session) throw new Error(`Parley stand-in: no gateway session on shard ${shard} to dispatch on`);
    session.seq += 1;
    const event = { s: session.seq, t, d };
    session.sent.push(event);
    // Like Discord, keep only recent events for replay (a long soak must not grow without bound).
    if (session.sent.length > REPLAY_BUFFER) session.sent.splice(0, session.sent.length - REPLAY_BUFFER);
    if (this.isReadyShard(shard)) this.send(state.socket, { op: Op.Dispatch, ...event });
  }

  /** Fault: close the TCP connection without a close frame (the bot sees 1006 and resumes). */
  dropSocket(shard = 0): void {
    const state = this.state(shard);
    state.readySocket = null;
    state.socket?.terminate();
  }

  /** Fault: a zombie connection: heartbeats go unacknowledged (until the shard connects again). */
  stopHeartbeatAcks(shard = 0): void {
    this.state(shard).ackHeartbeats = false;
  }

  /** Fault: ask the bot to reconnect and resume (op 7). */
  requestReconnect(shard = 0): void {
    this.send(this.state(shard).socket, { op: Op.Reconnect, d: null });
  }

  /** Fault: invalid session (op 9); not resumable means the shard must IDENTIFY again. */
  invalidateSession(resumable: boolean, shard = 0): void {
    const state = this.state(shard);
    if (!resumable) state.session = null;
    state.readySocket = null;
    this.send(state.socket, { op: Op.InvalidSession, d: resumable });
  }

  close(): void {
    for (const client of this.server.clients) client.terminate();
    this.server.close();
  }

  private state(shard: number): ShardState {
    const state = this.shards.get(shard);
    if (!state) throw new Error(`Parley stand-in: no shard ${shard} (the bot runs ${this.shardCount})`);
    return state;
  }

  private send(
    socket: WebSocket | null,
    payload: { op: number; d?: unknown; s?: number | null; t?: string | null },
  ): void {
    if (socket?.readyState !== 1) return;
    socket.send(JSON.stringify({ s: null, t: null, ...payload }));
  }

  private accept(socket: WebSocket): void {
    socket.on("message", (raw) => this.onMessage(socket, raw.toString()));
    socket.on("error", () => socket.terminate());
    socket.on("close", () => this.socketShard.delete(socket));
    socket.send(
      JSON.stringify({ op: Op.Hello, d: { heartbeat_interval: this.options.heartbeatIntervalMs } }),
    );
  }

  /** The socket now speaks for `shard`: a shard's new connection replaces its old one. */
  private bind(socket: WebSocket, shard: number): ShardState {
    const state = this.state(shard);
    if (state.socket && state.socket !== socket) {
      this.socketShard.delete(state.socket);
      state.socket.terminate();
    }
    state.socket = socket;
    state.readySocket = null;
    state.ackHeartbeats = true;
    this.socketShard.set(socket, shard);
    return state;
  }

  private onMessage(socket: WebSocket, raw: string): void {
    let payload: { op: number; d: unknown };
    try {
      payload = JSON.parse(raw) as { op: number; d: unknown };
    } catch {
      socket.close(4002, "Error while decoding payload.");
      return;
    }
    const shard = this.socketShard.get(socket) ?? null;
    // A replaced connection's late messages are ignored, as before sharding.
    if (shard !== null && this.shards.get(shard)?.socket !== socket) return;
    this.received.push({ op: payload.op, d: redactToken(payload.d), at: Date.now(), shard });
    switch (payload.op) {
      case Op.Heartbeat:
        if (shard === null || this.state(shard).ackHeartbeats) this.send(socket, { op: Op.HeartbeatAck });
        return;
      case Op.Identify:
        this.identify(socket, payload.d as { token?: string; shard?: unknown });
        return;
      case Op.Resume:
        this.resume(socket, payload.d as { token?: string; session_id?: string; seq?: number });
        return;
      default:
        return;
    }
  }

  private identify(socket: WebSocket, d: { token?: string; shard?: unknown }): void {
    if (d.token !== this.options.token) {
      socket.close(4004, "Authentication failed.");
      return;
    }
    const [id, count] = Array.isArray(d.shard) ? (d.shard as unknown[]) : [0, 1];
    if (count !== this.shardCount || typeof id !== "number" || !this.shards.has(id)) {
      // Discord's close code for a shard layout it will not accept.
      socket.close(
        this.shardCount > 1 && count === 1 ? 4011 : 4010,
        this.shardCount > 1 && count === 1 ? "Sharding required." : "Invalid shard.",
      );
      return;
    }
    const state = this.bind(socket, id);
    state.session = { id: snowflake(), seq: 0, sent: [] };
    const ready = {
      v: 10,
      user: {
        id: this.options.applicationId,
        username: "Parley",
        discriminator: "0000",
        global_name: null,
        avatar: null,
        bot: true,
        flags: 0,
      },
      guilds: [],
      session_id: state.session.id,
      resume_gateway_url: this.options.url(),
      shard: [id, this.shardCount],
      application: { id: this.options.applicationId, flags: 0 },
    };
    state.session.seq += 1;
    state.session.sent.push({ s: state.session.seq, t: "READY", d: ready });
    this.send(socket, { op: Op.Dispatch, s: state.session.seq, t: "READY", d: ready });
    this.markReady(socket, id);
  }

  private resume(socket: WebSocket, d: { token?: string; session_id?: string; seq?: number }): void {
    if (d.token !== this.options.token) {
      socket.close(4004, "Authentication failed.");
      return;
    }
    const shard = [...this.shards].find(
      ([, state]) => state.session && state.session.id === d.session_id,
    )?.[0];
    if (shard === undefined) {
      this.send(socket, { op: Op.InvalidSession, d: false });
      return;
    }
    const state = this.bind(socket, shard);
    const session = state.session as Session;
    const after = d.seq ?? 0;
    for (const event of session.sent) {
      if (event.s > after) this.send(socket, { op: Op.Dispatch, ...event });
    }
    session.seq += 1;
    this.send(socket, { op: Op.Dispatch, s: session.seq, t: "RESUMED", d: {} });
    this.markReady(socket, shard);
  }

  private markReady(socket: WebSocket, shard: number): void {
    this.state(shard).readySocket = socket;
    const waiters = this.readyWaiters;
    this.readyWaiters = [];
    for (const waiter of waiters) {
      const ready = waiter.shard === null ? this.isReady : this.isReadyShard(waiter.shard);
      if (ready) waiter.resolve();
      else this.readyWaiters.push(waiter);
    }
  }
}

function redactToken(d: unknown): unknown {
  if (d && typeof d === "object" && "token" in d) return { ...d, token: "[token]" };
  return d;
}
