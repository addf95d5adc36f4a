/**
 * Discord-style ids: real snowflakes (ms since the Discord epoch in the high bits) so that
 * discord.js derives sensible creation times from them.
 */
const DISCORD_EPOCH = 1420070400000n;
let increment = 0n;

/**
 * A fresh, unique snowflake as a decimal string.
 *
 * @example
 * snowflake() // "1311234567890123776"
 */
export function snowflake(at: number = Date.now()): string {
  increment = (increment + 1n) % 4096n;
  return ((BigInt(at) - DISCORD_EPOCH) * 4194304n + increment).toString();
}
