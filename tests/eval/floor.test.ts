/**
 * A floor under attribution on PolNeAR dev, measured as `npm run eval` measures it (the CLI's
 * export, then ../shared/eval/score.py --named-only). Raise the floors as the attribution work
 * lands; never lower them to make a change pass. Without ../shared or python3 the test is skipped
 * with a message, except under CI=true, where it fails.
 */
import { describe, expect, it } from "vitest";
import { evaluateSet } from "../../eval/evaluate.js";
import { environmentProblem } from "../../eval/sets.js";

/**
 * The least PolNeAR dev may score: what the attribution work of issue 11 reached (fifth pass: recall
 * 476/690 = 0.690, speaker precision 0.988 with the speaker threshold 0.91), less a hair.
 */
const DEV_ATTRIBUTION_FLOORS = { recall: 0.68, precision: 0.985 } as const;

const problem = environmentProblem(["dev"]);
const inCi = process.env.CI === "true";
if (problem && !inCi) console.warn(`eval-floor skipped: ${problem}`);

describe("attribution on PolNeAR dev", () => {
  it.skipIf(problem !== null && !inCi)(
    `keeps recall >= ${DEV_ATTRIBUTION_FLOORS.recall} and speaker precision >= ${DEV_ATTRIBUTION_FLOORS.precision}`,
    async () => {
      expect(problem, "the evaluation needs ../shared and python3 under CI").toBeNull();
      const { attribution } = await evaluateSet("dev");
      expect(attribution.gold, "the dev gold holds named attributions").toBeGreaterThan(0);
      expect(attribution.recall).toBeGreaterThanOrEqual(DEV_ATTRIBUTION_FLOORS.recall);
      expect(attribution.precision).toBeGreaterThanOrEqual(DEV_ATTRIBUTION_FLOORS.precision);
    },
    180_000,
  );
});
