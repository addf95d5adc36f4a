/**
 * Parley's entry point (`npm start`, `npx parley`): see `parley --help` (src/cli/run-cli.ts).
 */
import { config as loadDotenv } from "dotenv";
import { runCli } from "./cli/run-cli.js";

loadDotenv({ quiet: true });
process.exitCode = await runCli(process.argv.slice(2), process.env);
