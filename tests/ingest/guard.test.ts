/**
 * The address guard, without INGEST_ALLOW_PRIVATE: links to loopback addresses are refused before
 * any byte is sent, whether written as a name, an address or a public-looking name that resolves
 * to one. Tests only ever connect to 127.0.0.0/8.
 */

import { mkdtemp, readdir, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addSource } from "../../src/ingest/add.js";
import { isPublicAddress, type Resolver, vetHost } from "../../src/ingest/address-guard.js";
import { fetchPage } from "../../src/ingest/fetch-page.js";
import { jsonLdPage } from "./pages.js";

/** A server on `host` that counts connections and serves one article. */
async function listen(host: string): Promise<{ server: Server; port: number; connections: () => number }> {
  let connections = 0;
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(jsonLdPage());
  });
  server.on("connection", () => {
    connections++;
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return { server, port: (server.address() as AddressInfo).port, connections: () => connections };
}

let one: Awaited<ReturnType<typeof listen>>;
let two: Awaited<ReturnType<typeof listen>>;
let dir: string;

beforeAll(async () => {
  one = await listen("127.0.0.1");
  two = await listen("127.0.0.2");
  dir = await mkdtemp(join(tmpdir(), "parley-guard-"));
});
afterAll(async () => {
  for (const { server } of [one, two]) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  await rm(dir, { recursive: true, force: true });
});

describe("links to addresses that are not public are refused before any byte is sent", () => {
  it("localhost", async () => {
    const result = await addSource(`http://localhost:${one.port}/news`, { dir });
    expect(result).toMatchObject({ status: "failed" });
    expect(result.status === "failed" && result.message).toMatch(
      /^refused: localhost resolves to (127\.0\.0\.1|::1), which is not a public address$/,
    );
    expect(one.connections()).toBe(0);
  });

  it("127.0.0.2", async () => {
    const result = await addSource(`http://127.0.0.2:${two.port}/news`, { dir });
    expect(result).toEqual({
      status: "failed",
      source: `http://127.0.0.2:${two.port}/news`,
      message: "refused: 127.0.0.2 resolves to 127.0.0.2, which is not a public address",
    });
    expect(two.connections()).toBe(0);
  });

  it("a public-looking name that resolves to 127.0.0.1", async () => {
    const resolver: Resolver = async () => [{ address: "127.0.0.1", family: 4 }];
    const result = await addSource(`http://news.harbour-times.example:${one.port}/world/1`, {
      dir,
      resolver,
    });
    expect(result.status === "failed" && result.message).toBe(
      "refused: news.harbour-times.example resolves to 127.0.0.1, which is not a public address",
    );
    expect(one.connections()).toBe(0);
    expect(await readdir(dir)).toEqual([]);
  });

  it("a name with one public and one private address", async () => {
    const resolver: Resolver = async () => [
      { address: "93.184.215.14", family: 4 },
      { address: "::ffff:10.0.0.7", family: 6 },
    ];
    await expect(vetHost(new URL("https://mixed.example/"), resolver, false)).rejects.toThrow(
      "refused: mixed.example resolves to ::ffff:10.0.0.7, which is not a public address",
    );
  });

  it("a resolver that never answers is ended by the time limit, and nothing connects", async () => {
    const resolver: Resolver = () => new Promise(() => undefined);
    const result = await addSource(`http://slow-dns.example:${one.port}/news`, {
      dir,
      resolver,
      timeLimitMs: 200,
    });
    expect(result.status === "failed" && result.message).toBe("timed out after 200 ms");
    expect(one.connections()).toBe(0);
  });

  it("only http and https", async () => {
    const result = await addSource("file:///etc/passwd.html", { dir });
    expect(result.status === "failed" && result.message).toMatch(/only http and https/);
  });
});

describe("the connection goes to the address that was checked", () => {
  it("the name is resolved once, by the guard's resolver, and the connection uses that answer", async () => {
    const asked: string[] = [];
    // A name the system cannot resolve: only the vetted answer can reach the server.
    const resolver: Resolver = async (host) => {
      asked.push(host);
      return [{ address: "127.0.0.1", family: 4 }];
    };
    const page = await fetchPage(`http://parley-test.invalid:${one.port}/news`, {
      resolver,
      allowPrivate: true,
    });
    expect(page.status).toBe(200);
    expect(asked).toEqual(["parley-test.invalid"]);
    expect(one.connections()).toBe(1);
  });
});

describe("isPublicAddress", () => {
  const refused = [
    "127.0.0.1",
    "127.0.0.2",
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "224.0.0.1",
    "255.255.255.255",
    "198.18.0.1",
    "192.0.2.5",
    "::",
    "::1",
    "fe80::1",
    "fc00::1",
    "fd12:3456::1",
    "ff02::1",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "::ffff:192.168.0.1",
    "64:ff9b::a00:1",
    "2001:db8::1",
    "2002:7f00:1::1",
    "not an address",
  ];
  const allowed = [
    "93.184.215.14",
    "8.8.8.8",
    "172.32.0.1",
    "2606:4700::6810:84e5",
    "::ffff:8.8.8.8",
    "64:ff9b::808:808",
  ];
  it.each(refused)("refuses %s", (address) => expect(isPublicAddress(address)).toBe(false));
  it.each(allowed)("allows %s", (address) => expect(isPublicAddress(address)).toBe(true));
});
