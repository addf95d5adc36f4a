/**
 * The stand-in's gateway: Discord's WebSocket protocol (JSON encoding, no compression) with
 * HELLO, IDENTIFY, READY, heartbeats and acks, RESUME with replay, and fault hooks
 * (drop the socket, op 7 RECONNECT, op 9 INVALID SESSION).
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
}

interface Session {
  id: string;
  seq: number;
  /** Every dispatch of the session, for replay on RESUME. */
  sent: { s: number; t: string; d: unknown }[];
}

export interface GatewayOptions {
  token: string;
  applicationId: string;
  heartbeatIntervalMs: number;
  /** The ws:// address the bot connects to (also the resume URL). */
  url: () => string;
}

export class StandinGateway {
  readonly received: GatewayReceived[] = [];
  readonly server: WebSocketServer;
  private socket: WebSocket | null = null;
  private session: Session | null = null;
  /** Resolvers waiting for the next READY or RESUMED. */
  private readyWaiters: (() => void)[] = [];
  private readySocket: WebSocket | null = null;
  /** False after the stopHeartbeatAcks fault, until the bot connects again. */
  private ackHeartbeats = true;

  constructor(
    httpServer: Server,
    private readonly options: GatewayOptions,
  ) {
    this.server = new WebSocketServer({ server: httpServer });
    this.server.on("connection", (socket) => this.accept(socket));
  }

  /** True while a bot is connected and has been sent READY or RESUMED. */
  get isReady(): boolean {
    return this.readySocket !== null && this.readySocket === this.socket && this.socket.readyState === 1;
  }

  /** Resolves once a bot is connected and ready (immediately if it already is). */
  waitForReady(timeoutMs = 10_000): Promise<void> {
    if (this.isReady) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`Parley stand-in: no bot became ready within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.readyWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Sends a dispatch event (kept for replay on RESUME). */
  dispatch(t: string, d: unknown): void {
    if (!this.session) throw new Error("Parley stand-in: no gateway session to dispatch on");
    this.session.seq += 1;
    const event = { s: this.session.seq, t, d };
    this.session.sent.push(event);
    // Like Discord, keep only recent events for replay (a long soak must not grow without bound).
    if (this.session.sent.length > REPLAY_BUFFER)
      this.session.sent.splice(0, this.session.sent.length - REPLAY_BUFFER);
    if (this.isReady) this.send({ op: Op.Dispatch, ...event });
  }

  /** Fault: close the TCP connection without a close frame (the bot sees 1006 and resumes). */
  dropSocket(): void {
    this.readySocket = null;
    this.socket?.terminate();
  }

  /** Fault: a zombie connection: heartbeats go unacknowledged (until the bot connects again). */
  stopHeartbeatAcks(): void {
    this.ackHeartbeats = false;
  }

  /** Fault: ask the bot to reconnect and resume (op 7). */
  requestReconnect(): void {
    this.send({ op: Op.Reconnect, d: null });
  }

  /** Fault: invalid session (op 9); not resumable means the bot must IDENTIFY again. */
  invalidateSession(resumable: boolean): void {
    if (!resumable) this.session = null;
    this.readySocket = null;
    this.send({ op: Op.InvalidSession, d: resumable });
  }

  close(): void {
    for (const client of this.server.clients) client.terminate();
    this.server.close();
  }

  private send(payload: { op: number; d?: unknown; s?: number | null; t?: string | null }): void {
    if (this.socket?.readyState !== 1) return;
    this.socket.send(JSON.stringify({ s: null, t: null, ...payload }));
  }

  private accept(socket: WebSocket): void {
    // One bot, one shard: a new connection replaces the old one.
    if (this.socket && this.socket !== socket) this.socket.terminate();
    this.socket = socket;
    this.readySocket = null;
    this.ackHeartbeats = true;
    socket.on("message", (raw) => this.onMessage(socket, raw.toString()));
    socket.on("error", () => socket.terminate());
    socket.send(
      JSON.stringify({ op: Op.Hello, d: { heartbeat_interval: this.options.heartbeatIntervalMs } }),
    );
  }

  private onMessage(socket: WebSocket, raw: string): void {
    if (socket !== this.socket) return;
    let payload: { op: number; d: unknown };
    try {
      payload = JSON.parse(raw) as { op: number; d: unknown };
    } catch {
      socket.close(4002, "Error while decoding payload.");
      return;
    }
    this.received.push({ op: payload.op, d: redactToken(payload.d), at: Date.now() });
    switch (payload.op) {
      case Op.Heartbeat:
        if (this.ackHeartbeats) this.send({ op: Op.HeartbeatAck });
        return;
      case Op.Identify:
        this.identify(socket, payload.d as { token?: string });
        return;
      case Op.Resume:
        this.resume(socket, payload.d as { token?: string; session_id?: string; seq?: number });
        return;
      default:
        return;
    }
  }

  private identify(socket: WebSocket, d: { token?: string }): void {
    if (d.token !== this.options.token) {
      socket.close(4004, "Authentication failed.");
      return;
    }
    this.session = { id: snowflake(), seq: 0, sent: [] };
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
      session_id: this.session.id,
      resume_gateway_url: this.options.url(),
      shard: [0, 1],
      application: { id: this.options.applicationId, flags: 0 },
    };
    this.session.seq += 1;
    this.session.sent.push({ s: this.session.seq, t: "READY", d: ready });
    this.send({ op: Op.Dispatch, s: this.session.seq, t: "READY", d: ready });
    this.markReady(socket);
  }

  private resume(socket: WebSocket, d: { token?: string; session_id?: string; seq?: number }): void {
    if (d.token !== this.options.token) {
      socket.close(4004, "Authentication failed.");
      return;
    }
    if (!this.session || d.session_id !== this.session.id) {
      this.send({ op: Op.InvalidSession, d: false });
      return;
    }
    const after = d.seq ?? 0;
    for (const event of this.session.sent) {
      if (event.s > after) this.send({ op: Op.Dispatch, ...event });
    }
    this.session.seq += 1;
    this.send({ op: Op.Dispatch, s: this.session.seq, t: "RESUMED", d: {} });
    this.markReady(socket);
  }

  private markReady(socket: WebSocket): void {
    this.readySocket = socket;
    const waiters = this.readyWaiters;
    this.readyWaiters = [];
    for (const resolve of waiters) resolve();
  }
}

function redactToken(d: unknown): unknown {
  if (d && typeof d === "object" && "token" in d) return { ...d, token: "[token]" };
  return d;
}
