/** Messages between the bot and the ingest worker (src/ingest/worker-thread.ts). */
import type { AddResult } from "./add.js";

export type WorkerRequest =
  | { type: "add"; id: number; url: string; dir: string; allowPrivate: boolean }
  | {
      type: "poll";
      id: number;
      feeds: string[];
      /** The FEED_FILTER source, matched case-insensitively. */
      filter: string | null;
      intervalMs: number;
      dir: string;
      allowPrivate: boolean;
    };

export type WorkerReply =
  | { type: "added"; id: number; result: AddResult }
  | { type: "polled"; id: number }
  | { type: "error"; id: number; message: string }
  | { type: "log"; level: "info" | "warn"; event: string; fields: Record<string, unknown> };
