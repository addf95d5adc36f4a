/**
 * Discord's request signatures (Ed25519 over timestamp + raw body) and the HTTP settings: a
 * genuine request passes; any change to body, timestamp or signature, a wrong key, a malformed
 * header or a timestamp more than 5 minutes off does not.
 */
import { generateKeyPairSync, sign } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseDiscordSettings, parseHttpSettings } from "../../src/config/settings.js";
import { MAX_CLOCK_SKEW_MS, publicKeyFromHex, verifyRequest } from "../../src/discord/signature.js";

function keyPair() {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const hex = Buffer.from(String(publicKey.export({ format: "jwk" }).x), "base64url").toString("hex");
  return {
    hex,
    sign: (timestamp: string, body: Buffer) =>
      sign(null, Buffer.concat([Buffer.from(timestamp), body]), privateKey).toString("hex"),
  };
}

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);
const seconds = (ms: number) => String(Math.floor(ms / 1000));

describe("verifyRequest", () => {
  const pair = keyPair();
  const key = publicKeyFromHex(pair.hex);
  const body = Buffer.from('{"type":1,"id":"1","token":"t"}');
  const timestamp = seconds(NOW);
  const signature = pair.sign(timestamp, body);

  it("accepts a genuine request", () => {
    expect(verifyRequest(key, signature, timestamp, body, NOW)).toBe("ok");
    expect(verifyRequest(key, signature.toUpperCase(), timestamp, body, NOW)).toBe("ok");
  });

  it("refuses a changed body, timestamp or signature, and another key's signature", () => {
    expect(
      verifyRequest(key, signature, timestamp, Buffer.from('{"type":1,"id":"2","token":"t"}'), NOW),
    ).toBe("bad-signature");
    expect(verifyRequest(key, signature, seconds(NOW + 1000), body, NOW)).toBe("bad-signature");
    const flipped = (signature[0] === "0" ? "1" : "0") + signature.slice(1);
    expect(verifyRequest(key, flipped, timestamp, body, NOW)).toBe("bad-signature");
    expect(verifyRequest(key, keyPair().sign(timestamp, body), timestamp, body, NOW)).toBe("bad-signature");
  });

  it("refuses missing or malformed headers without throwing", () => {
    for (const [sig, ts] of [
      [undefined, timestamp],
      [signature, undefined],
      ["", ""],
      ["zz", timestamp],
      [signature.slice(2), timestamp],
      [signature, "12.5"],
      [signature, `${timestamp} `],
    ] as const)
      expect(verifyRequest(key, sig, ts, body, NOW)).toBe("bad-signature");
  });

  it("refuses a genuine signature more than 5 minutes from now, either way", () => {
    for (const offset of [MAX_CLOCK_SKEW_MS + 1000, -(MAX_CLOCK_SKEW_MS + 1000)]) {
      const at = seconds(NOW + offset);
      expect(verifyRequest(key, pair.sign(at, body), at, body, NOW)).toBe("stale");
    }
    const edge = seconds(NOW - MAX_CLOCK_SKEW_MS + 1000);
    expect(verifyRequest(key, pair.sign(edge, body), edge, body, NOW)).toBe("ok");
  });

  it("builds a key only from 64 hex digits", () => {
    expect(() => publicKeyFromHex("ab")).toThrow(/64 hex digits/);
    expect(() => publicKeyFromHex(`${pair.hex.slice(0, 63)}g`)).toThrow(/64 hex digits/);
  });
});

describe("HTTP settings", () => {
  const APP = "123456789012345678";

  it("is off without PARLEY_HTTP_PORT, and then the bot token is required", () => {
    expect(parseHttpSettings({})).toEqual({ ok: true, settings: null });
    const parsed = parseDiscordSettings({ DISCORD_APPLICATION_ID: APP });
    expect(parsed.ok).toBe(false);
  });

  it("needs no bot token in HTTP mode, but a valid public key and port", () => {
    const key = "a".repeat(64);
    expect(parseHttpSettings({ PARLEY_HTTP_PORT: "8080", DISCORD_PUBLIC_KEY: key })).toEqual({
      ok: true,
      settings: { port: 8080, host: null, publicKey: key },
    });
    const parsed = parseDiscordSettings({ DISCORD_APPLICATION_ID: APP }, { tokenRequired: false });
    expect(parsed.ok && parsed.settings.token).toBe("");
    const bad = parseHttpSettings({ PARLEY_HTTP_PORT: "80a", DISCORD_PUBLIC_KEY: "xyz" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.problems).toHaveLength(2);
      expect(bad.problems[0]).toMatch(/PARLEY_HTTP_PORT must be a port number/);
      expect(bad.problems[1]).toMatch(/DISCORD_PUBLIC_KEY must be 64 hex digits/);
    }
    const missing = parseHttpSettings({ PARLEY_HTTP_PORT: "8080" });
    expect(missing.ok || missing.problems[0]).toMatch(/DISCORD_PUBLIC_KEY is not set/);
  });
});
