/**
 * Waiting on recorded state (the stand-in's requests, the bot's log), never on the clock.
 */

/**
 * Polls until `check` holds; rejects with `what` after `timeoutMs`.
 *
 * @example
 * await until(() => bot.stdout().includes('"event":"knowledge-reloaded"'), "the reload");
 */
export async function until(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Parley test: ${what} did not happen within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
