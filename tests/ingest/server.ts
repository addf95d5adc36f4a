/** The test's own news site on 127.0.0.1: pages, failures and feeds answering 304 when unchanged. */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import {
  atomFeed,
  frenchPage,
  hugePage,
  jsonLdPage,
  noDatePage,
  openGraphPage,
  rssFeed,
  shortPage,
  TALKS_PARAGRAPHS,
  timeOnlyPage,
  windows1252Page,
  wrappedPage,
} from "./pages.js";

export interface NewsServer {
  base: string;
  port: number;
  /** Requests received, in order (path and the headers that matter). */
  requests: { path: string; ifNoneMatch?: string; ifModifiedSince?: string; userAgent?: string }[];
  /** TCP connections accepted. */
  connections: number;
  close(): Promise<void>;
}

const FEED_ETAG = '"rss-v1"';
const ATOM_MODIFIED = "Mon, 03 Feb 2025 07:00:00 GMT";

export async function startNewsServer(): Promise<NewsServer> {
  const requests: NewsServer["requests"] = [];
  let base = "";
  const huge = hugePage();
  const hugeGzip = gzipSync(huge);
  const html = (
    res: import("node:http").ServerResponse,
    body: string | Buffer,
    type = "text/html; charset=utf-8",
  ) => {
    res.writeHead(200, { "content-type": type });
    res.end(body);
  };
  const handle = (req: IncomingMessage, res: import("node:http").ServerResponse) => {
    const url = new URL(req.url ?? "/", base);
    const path = url.pathname;
    requests.push({
      path,
      ifNoneMatch: req.headers["if-none-match"],
      ifModifiedSince: req.headers["if-modified-since"],
      userAgent: req.headers["user-agent"],
    });
    const chain = /^\/chain\/(\d+)$/.exec(path);
    if (chain) {
      const left = Number(chain[1]);
      if (left === 0) return html(res, jsonLdPage({ canonical: `${base}/chain/done` }));
      res.writeHead(302, { location: `/chain/${left - 1}` });
      res.end();
      return;
    }
    switch (path) {
      case "/news/talks-resume":
        return html(res, jsonLdPage({ canonical: `${base}/news/talks-resume` }));
      case "/news/talks-resume-copy":
        // The same article at a second address, same outlet: a duplicate by its body.
        return html(res, jsonLdPage({ canonical: `${base}/news/talks-resume-copy` }));
      case "/wire/talks-resume":
        // The same wire text from another outlet: a different article.
        return html(
          res,
          jsonLdPage({ canonical: `${base}/wire/talks-resume`, outlet: "Coastal Wire Daily" }),
        );
      case "/news/og":
        return html(res, openGraphPage());
      case "/news/time-only":
        return html(res, timeOnlyPage());
      case "/news/latin":
        return html(res, windows1252Page(), "text/html");
      case "/news/latin-header":
        return html(
          res,
          Buffer.from(
            windows1252Page().toString("latin1").replace('<meta charset="windows-1252">', ""),
            "latin1",
          ),
          "text/html; charset=windows-1252",
        );
      case "/news/wrapped":
        return html(res, wrappedPage());
      case "/news/no-date":
        return html(res, noDatePage());
      case "/news/short":
        return html(res, shortPage());
      case "/news/french":
        return html(res, frenchPage());
      case "/news/old-link":
        res.writeHead(301, { location: "/news/talks-resume" });
        res.end();
        return;
      case "/news/to-file":
        res.writeHead(302, { location: "file:///etc/passwd" });
        res.end();
        return;
      case "/loop/a":
        res.writeHead(302, { location: `${base}/loop/b` });
        res.end();
        return;
      case "/loop/b":
        res.writeHead(307, { location: "/loop/a" });
        res.end();
        return;
      case "/huge":
        return html(res, huge);
      case "/huge-gzip":
        res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-encoding": "gzip" });
        res.end(hugeGzip);
        return;
      case "/report.pdf":
        res.writeHead(200, { "content-type": "application/pdf" });
        res.end("%PDF-1.4\n% a tiny stand-in for a PDF\n");
        return;
      case "/error":
        res.writeHead(503, { "content-type": "text/html" });
        res.end("<p>Service unavailable</p>");
        return;
      case "/hang":
        // Never answers: the client's time limit must end it.
        return;
      case "/feeds/rss.xml":
        if (req.headers["if-none-match"] === FEED_ETAG) {
          res.writeHead(304, { etag: FEED_ETAG });
          res.end();
          return;
        }
        res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8", etag: FEED_ETAG });
        res.end(rssFeed(base));
        return;
      case "/feeds/atom.xml":
        if (req.headers["if-modified-since"] === ATOM_MODIFIED) {
          res.writeHead(304, { "last-modified": ATOM_MODIFIED });
          res.end();
          return;
        }
        res.writeHead(200, { "content-type": "application/atom+xml", "last-modified": ATOM_MODIFIED });
        res.end(atomFeed(base));
        return;
      case "/feeds/broken.xml":
        res.writeHead(200, { "content-type": "application/rss+xml" });
        res.end("<rss><channel><item><title>unclosed");
        return;
      default:
        res.writeHead(404, { "content-type": "text/html" });
        res.end("<h1>Not found</h1>");
    }
  };
  const server: Server = createServer(handle);
  const state = { connections: 0 };
  server.on("connection", () => {
    state.connections++;
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  return {
    base,
    port,
    requests,
    get connections() {
      return state.connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export { TALKS_PARAGRAPHS };
