/**
 * Discord's HTTP interactions (outgoing webhooks) on `POST /interactions`, with `GET /healthz` and
 * `GET /readyz` for a load balancer. Every request is verified (Ed25519, 5 minutes of clock skew)
 * before its body is parsed; the first response goes back in the HTTP response and anything after
 * it (the `@original` edit, follow-ups) through the interaction's webhook, which needs no bot token.
 * Commands, autocomplete and buttons go through the same handler and reply path as the gateway.
 */

import type { KeyObject } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { REST } from "discord.js";
import type { Logger } from "../log/logger.js";
import { type BotContext, handleInteraction } from "./handle-interaction.js";
import { type InteractionTransport, parseInteraction, restTransport } from "./interaction.js";
import { verifyRequest } from "./signature.js";

/** Discord's interaction bodies are small; anything past this is refused unread. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Longest time a request may take to arrive whole (headers and body). */
const REQUEST_TIMEOUT_MS = 30_000;
/** Interaction ids remembered to answer a repeated delivery once (oldest forgotten first). */
const REMEMBERED_IDS = 10_000;

export interface HttpInteractionsOptions {
  port: number;
  /** Default: every interface. */
  host?: string;
  publicKey: KeyObject;
  applicationId: string;
  /** Base of the REST API for the webhook (`DISCORD_REST_API`); null: Discord's. */
  restApi: string | null;
  log: Logger;
}

export interface HttpInteractions {
  /** The port listened on (useful with port 0). */
  readonly port: number;
  readonly inFlight: number;
  /** Starts answering interactions: `/readyz` says 200 from now on. */
  serve(context: BotContext): void;
  /** `/readyz` says 503 from now on, so a load balancer sends nothing new. */
  drain(): void;
  /** Waits up to `graceMs` for the interactions in flight, then closes the server. */
  close(graceMs: number): Promise<{ unfinished: number }>;
}

function send(res: ServerResponse, status: number, body: unknown, close = false): void {
  if (res.headersSent) return;
  res.writeHead(status, {
    "content-type": "application/json",
    ...(close ? { connection: "close" } : {}),
    ...(status === 503 ? { "retry-after": "5" } : {}),
  });
  res.end(JSON.stringify(body));
}

/** The body, or null once it passes `MAX_BODY_BYTES` (what is left is then not kept). */
function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.off("data", onData);
        chunks.length = 0;
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** How much of a refused body is read and dropped before the connection is cut instead. */
const DISCARD_LIMIT_BYTES = 8 * MAX_BODY_BYTES;

/**
 * Reads and drops the rest of a refused request's body (up to a bound), so the connection closes
 * cleanly after the answer: closing a socket with unread data resets it, and the client may then
 * lose the 413 it was sent and see only EPIPE or ECONNRESET.
 */
function discardRest(req: IncomingMessage): void {
  let seen = 0;
  req.on("data", (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > DISCARD_LIMIT_BYTES) req.destroy();
  });
  req.resume();
}

/** Recent interaction ids, bounded: a repeat inside the window is answered once. */
class RecentIds {
  private readonly ids = new Set<string>();
  /** False if `id` was already there. */
  add(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > REMEMBERED_IDS) {
      const oldest = this.ids.values().next().value;
      if (oldest !== undefined) this.ids.delete(oldest);
    }
    return true;
  }
}

/** The first response goes in the HTTP response; the rest through the webhook. */
function httpTransport(res: ServerResponse, webhook: InteractionTransport): InteractionTransport {
  return {
    callback(body) {
      if (res.headersSent || res.destroyed)
        return Promise.reject(new Error("the interaction's HTTP request is gone (answered or closed)"));
      return new Promise((resolve, reject) => {
        res.once("finish", () => resolve());
        res.once("close", () => {
          if (!res.writableFinished)
            reject(new Error("the interaction's HTTP request closed before the answer"));
        });
        send(res, 200, body);
      });
    },
    webhook: (method, path, body) => webhook.webhook(method, path, body),
  };
}

/**
 * Listens at once (health checks answer while the knowledge loads); interactions are answered
 * after `serve`.
 *
 * @example
 * const http = await listenHttpInteractions({ port: 8080, publicKey, applicationId, restApi: null, log });
 * http.serve(context);
 */
export async function listenHttpInteractions(options: HttpInteractionsOptions): Promise<HttpInteractions> {
  const { log } = options;
  // Webhook calls only (auth: false): no bot token. discord.js's REST retries 429s, 5xx and resets.
  const rest = new REST(options.restApi ? { api: options.restApi } : {});
  const recent = new RecentIds();
  const inFlight = new Set<Promise<void>>();
  let context: BotContext | null = null;
  let draining = false;

  const reject = (res: ServerResponse, status: number, reason: string, close = false): void => {
    log.info("http-rejected", { status, reason });
    send(res, status, { message: reason }, close);
  };

  const interactions = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > MAX_BODY_BYTES) {
      discardRest(req);
      return reject(res, 413, "body over 1 MB", true);
    }
    const body = await readBody(req);
    if (body === null) {
      discardRest(req);
      return reject(res, 413, "body over 1 MB", true);
    }
    const header = (name: string): string | undefined => {
      const value = req.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const verdict = verifyRequest(
      options.publicKey,
      header("x-signature-ed25519"),
      header("x-signature-timestamp"),
      body,
    );
    if (verdict === "bad-signature") return reject(res, 401, "invalid request signature");
    if (verdict === "stale") return reject(res, 401, "request timestamp too far from now");
    let json: unknown;
    try {
      json = JSON.parse(body.toString("utf8"));
    } catch {
      return reject(res, 400, "body is not JSON");
    }
    if ((json as { type?: unknown } | null)?.type === 1) return send(res, 200, { type: 1 }); // PING → PONG
    const interaction = parseInteraction(json);
    if (!interaction) return reject(res, 400, "not an interaction");
    if (!context) return reject(res, 503, "not ready: the knowledge is loading");
    if (!recent.add(interaction.id)) return reject(res, 409, "interaction already received");
    interaction.applicationId ||= options.applicationId;
    const transport = httpTransport(res, restTransport(rest, interaction));
    await handleInteraction(context, interaction, transport);
    // Nothing Parley answers (a modal, a menu): say so rather than leave the request open.
    if (!res.headersSent) send(res, 400, { message: "interaction type not handled" });
  };

  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    log.debug("http-request", { method: req.method, path });
    if (path === "/healthz" && req.method === "GET") return send(res, 200, { status: "ok" });
    if (path === "/readyz" && req.method === "GET") {
      const ready = context !== null && !draining;
      return send(res, ready ? 200 : 503, { status: ready ? "ready" : draining ? "draining" : "loading" });
    }
    if (path !== "/interactions") return send(res, 404, { message: "not found" });
    if (req.method !== "POST") return send(res, 405, { message: "POST only" });
    // In flight from its first byte: a shutdown waits for a request still arriving, too.
    const handling = interactions(req, res).catch((error: unknown) => {
      log.error("http-error", { error });
      send(res, 500, { message: "internal error" });
    });
    inFlight.add(handling);
    void handling.finally(() => inFlight.delete(handling));
  });
  // Discord sends small bodies at once: a request still arriving after this is dropped.
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  await new Promise<void>((resolve, rejectListen) => {
    server.once("error", rejectListen);
    server.listen(options.port, options.host, () => {
      server.off("error", rejectListen);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  log.info("http-listening", { port, host: options.host ?? null });

  return {
    port,
    get inFlight() {
      return inFlight.size;
    },
    serve(ready) {
      context = ready;
      log.info("ready", { mode: "http", port });
    },
    drain() {
      draining = true;
    },
    async close(graceMs) {
      draining = true;
      const deadline = Date.now() + graceMs;
      // As the gateway: finish what arrived before (newcomers get a short notice meanwhile).
      const settle = async (): Promise<void> => {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          Promise.allSettled([...inFlight]),
          new Promise((resolve) => {
            timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
          }),
        ]);
        clearTimeout(timer);
      };
      await settle();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await settle();
      const unfinished = inFlight.size;
      server.closeAllConnections();
      await closed;
      return { unfinished };
    },
  };
}
