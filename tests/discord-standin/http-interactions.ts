/**
 * The stand-in's HTTP side: Discord's outgoing webhooks. It signs interactions with a test
 * Ed25519 key pair (the replica's DISCORD_PUBLIC_KEY is its public half), POSTs them to a
 * replica's /interactions, and records the HTTP response as the interaction's callback so the
 * usual helpers (finalReply, waitForCallback) read HTTP replies as they read gateway ones. The
 * webhook calls after it (the `@original` edit, follow-ups) reach the stand-in's REST as usual.
 */
import { generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import type { RawInteraction } from "./payloads.js";
import { REPO_ROOT, type SpawnedBot, spawnScript, standinEnv } from "./spawn-bot.js";
import type { Standin } from "./standin.js";

export interface Signer {
  /** The raw 32-byte public key in hex, as the Developer Portal shows it. */
  publicKeyHex: string;
  /** Signature (hex) of `timestamp + body`. */
  sign(timestamp: string, body: Buffer): string;
}

/**
 * @example
 * const signer = createSigner(); // DISCORD_PUBLIC_KEY=signer.publicKeyHex
 */
export function createSigner(): Signer {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const jwk = publicKey.export({ format: "jwk" });
  return {
    publicKeyHex: Buffer.from(String(jwk.x), "base64url").toString("hex"),
    sign: (timestamp, body) => signWith(privateKey, timestamp, body),
  };
}

function signWith(key: KeyObject, timestamp: string, body: Buffer): string {
  return sign(null, Buffer.concat([Buffer.from(timestamp), body]), key).toString("hex");
}

export interface HttpAnswer {
  status: number;
  /** Parsed JSON, or the text when it is not JSON. */
  body: unknown;
}

/** Keep-alive, like Discord's own client: 100 in flight need not open 100 connections each time. */
const agent = new Agent({ keepAlive: true, maxSockets: 128 });

/**
 * POSTs `body` with `headers`; `hold`, when given, is awaited after the first half of the body is
 * sent (a request still arriving).
 */
export function post(
  url: string,
  body: Buffer,
  headers: Record<string, string>,
  hold?: () => Promise<void>,
): Promise<HttpAnswer> {
  return new Promise((resolveAnswer, reject) => {
    let answered = false;
    const req = request(
      url,
      {
        method: "POST",
        agent,
        headers: { "content-type": "application/json", "content-length": String(body.length), ...headers },
      },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            // Not JSON: keep the text.
          }
          resolveAnswer({ status: res.statusCode ?? 0, body: parsed });
        });
        res.on("error", reject);
      },
    );
    req.on("error", (error: NodeJS.ErrnoException) => {
      // A server may answer (a 413 from Content-Length) and close while the body is still being
      // written: the write fails, but the answer it sent is what counts. Wait a moment for it.
      if (error.code === "EPIPE" || error.code === "ECONNRESET") {
        setTimeout(() => {
          if (!answered) reject(error);
        }, 2000);
        return;
      }
      reject(error);
    });
    if (!hold) {
      req.end(body);
      return;
    }
    const half = Math.floor(body.length / 2);
    req.flushHeaders();
    req.write(body.subarray(0, half));
    hold().then(
      () => req.end(body.subarray(half)),
      (error: unknown) => req.destroy(error instanceof Error ? error : new Error(String(error))),
    );
  });
}

/** GET a path of a replica: status and JSON. */
export function get(url: string): Promise<HttpAnswer> {
  return new Promise((resolveAnswer, reject) => {
    request(url, { agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolveAnswer({
          status: res.statusCode ?? 0,
          body: JSON.parse(Buffer.concat(chunks).toString("utf8") || "null") as unknown,
        }),
      );
    })
      .on("error", reject)
      .end();
  });
}

export interface SendOptions {
  /** Seconds since epoch written in X-Signature-Timestamp (default: now). */
  timestamp?: number;
  /** Sign with this instead (a forger's key). */
  signer?: Signer;
  /** Send these headers instead of the signature ones. */
  headers?: Record<string, string>;
  /** The body as sent (default: the interaction as JSON). */
  raw?: Buffer;
  hold?: () => Promise<void>;
}

/** Signs and posts interactions as Discord would, recording accepted answers in the stand-in. */
export class HttpSender {
  constructor(
    private readonly standin: Standin,
    readonly signer: Signer = createSigner(),
  ) {}

  /**
   * @example
   * const answer = await sender.send(replica.url, slashCommand(place, user, "who", { name: "Barnea" }));
   */
  async send(baseUrl: string, interaction: RawInteraction, options: SendOptions = {}): Promise<HttpAnswer> {
    this.standin.track(interaction);
    const body = options.raw ?? Buffer.from(JSON.stringify(interaction));
    const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
    const headers = options.headers ?? {
      "x-signature-ed25519": (options.signer ?? this.signer).sign(timestamp, body),
      "x-signature-timestamp": timestamp,
    };
    const answer = await post(`${baseUrl}/interactions`, body, headers, options.hold);
    if (answer.status === 200 && (answer.body as { type?: number }).type !== 1)
      this.standin.recordCallback(interaction.id, interaction.token, answer.body);
    return answer;
  }
}

export interface Replica {
  bot: SpawnedBot;
  /** http://127.0.0.1:PORT */
  url: string;
  knowledgeDir: string;
  /** Removes the knowledge copy (after the process is gone). */
  cleanUp(): Promise<void>;
}

/** A temporary copy of the repository's `knowledge/` (no snapshot cache: each replica builds its own). */
export async function knowledgeCopy(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "parley-replica-"));
  await cp(resolve(REPO_ROOT, "knowledge"), dir, {
    recursive: true,
    filter: (path) => !basename(path).startsWith("."),
  });
  return dir;
}

/**
 * Starts `npm start` in HTTP mode alone (no DISCORD_TOKEN), on a free loopback port, with its own
 * knowledge copy; resolves once it listens (not yet ready: see `/readyz`).
 *
 * @example
 * const replica = await spawnReplica(standin, sender.signer);
 */
export async function spawnReplica(
  standin: Standin,
  signer: Signer,
  options: { knowledgeDir?: string; env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<Replica> {
  const knowledgeDir = options.knowledgeDir ?? (await knowledgeCopy());
  const bot = spawnScript(
    "src/main.ts",
    standinEnv(standin, {
      DISCORD_TOKEN: "",
      PARLEY_HTTP_PORT: "0",
      PARLEY_HTTP_HOST: "127.0.0.1",
      DISCORD_PUBLIC_KEY: signer.publicKeyHex,
      KNOWLEDGE_DIR: knowledgeDir,
      ...options.env,
    }),
  );
  const listening = await Promise.race([
    bot.waitForLog((line) => line.event === "http-listening", options.timeoutMs ?? 60_000),
    bot.exited.then((exit) => {
      throw new Error(`Parley test: the replica exited early (${exit.code}): ${bot.stderr()}`);
    }),
  ]);
  return {
    bot,
    url: `http://127.0.0.1:${Number(listening.port)}`,
    knowledgeDir,
    cleanUp: () => rm(knowledgeDir, { recursive: true, force: true }),
  };
}

/** Resolves once `/readyz` says 200 (polling recorded state, not the clock); fails if the replica exits. */
export async function untilReady(replica: Replica, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (replica.bot.child.exitCode !== null)
      throw new Error(`Parley test: the replica exited: ${replica.bot.stderr()}`);
    if ((await get(`${replica.url}/readyz`)).status === 200) return;
    if (Date.now() > deadline) throw new Error("Parley test: the replica was not ready in time");
    await new Promise((resolveWait) => setTimeout(resolveWait, 50));
  }
}
