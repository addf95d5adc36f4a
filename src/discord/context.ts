/**
 * What handling an interaction needs, made once per process and shared by both transports (the
 * gateway and the HTTP endpoint), so the rate limits and work estimates are the process's.
 */
import type { DiscordSettings } from "../config/settings.js";
import type { BotContext } from "./handle-interaction.js";
import { pageCodecOf } from "./paging-id.js";
import { RateLimiter } from "./rate-limit.js";
import { WorkEstimates } from "./work-estimate.js";

/** Page turns allowed per command in the rate-limit window. */
const PAGING_ALLOWANCE = 3;

export interface ContextOptions extends Pick<BotContext, "knowledge" | "answer" | "complete" | "log"> {
  settings: Pick<DiscordSettings, "rateLimit">;
  deferAfterMs?: number;
  ingest?: BotContext["ingest"];
  /** The running code's fingerprint, part of every paging id's version (default: none). */
  codeVersion?: string;
  isShuttingDown: () => boolean;
  /** Replicas: where /add happens, said instead of adding. */
  addElsewhere?: string;
}

/**
 * @example
 * const context = createBotContext({ settings, knowledge: store, log, answer, complete, isShuttingDown: () => false });
 */
export function createBotContext(options: ContextOptions): BotContext {
  const { settings } = options;
  const windowMs = settings.rateLimit.windowSeconds * 1000;
  return {
    knowledge: options.knowledge,
    answer: options.answer,
    complete: options.complete,
    log: options.log,
    limiter: new RateLimiter(settings.rateLimit.commands, windowMs),
    pagingLimiter: new RateLimiter(settings.rateLimit.commands * PAGING_ALLOWANCE, windowMs),
    codec: (kb) => pageCodecOf(kb, options.codeVersion),
    estimates: new WorkEstimates(),
    isShuttingDown: options.isShuttingDown,
    deferAfterMs: options.deferAfterMs,
    ingest: options.ingest,
    addElsewhere: options.addElsewhere,
  };
}
