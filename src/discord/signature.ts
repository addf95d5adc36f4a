/**
 * Discord signs every HTTP interaction: Ed25519 over `X-Signature-Timestamp` + the raw body, with
 * the application's key (`DISCORD_PUBLIC_KEY`, 32 bytes in hex). Checked with Node's own crypto,
 * before anything in the body is read.
 */
import { createPublicKey, type KeyObject, verify } from "node:crypto";

/** DER header of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows it. */
const ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

/** A request whose timestamp is further than this from our clock is refused (a replay). */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * The key object for a hex public key; throws on anything but 64 hex digits.
 *
 * @example
 * publicKeyFromHex(process.env.DISCORD_PUBLIC_KEY)
 */
export function publicKeyFromHex(hex: string): KeyObject {
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error("an Ed25519 public key is 64 hex digits");
  return createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, "hex")]),
    format: "der",
    type: "spki",
  });
}

export type Verdict = "ok" | "bad-signature" | "stale";

/**
 * Checks a request's signature, then its age. A missing or malformed header is a bad signature.
 *
 * @example
 * verifyRequest(key, req.headers["x-signature-ed25519"], req.headers["x-signature-timestamp"], body) // "ok"
 */
export function verifyRequest(
  key: KeyObject,
  signature: string | undefined,
  timestamp: string | undefined,
  body: Buffer,
  now: number = Date.now(),
): Verdict {
  if (!signature || !timestamp || !/^[0-9a-f]{128}$/i.test(signature) || !/^\d{1,15}$/.test(timestamp))
    return "bad-signature";
  const signed = Buffer.concat([Buffer.from(timestamp, "utf8"), body]);
  if (!verify(null, signed, key, Buffer.from(signature, "hex"))) return "bad-signature";
  return Math.abs(now - Number(timestamp) * 1000) > MAX_CLOCK_SKEW_MS ? "stale" : "ok";
}
