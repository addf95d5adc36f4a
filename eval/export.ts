/**
 * Exports the analysis of a knowledge folder by running the CLI as a child process, the way a user
 * would: `parley export --json --no-snapshot --knowledge DIR` (no snapshot is written into DIR).
 */
import { spawn } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { REPO_ROOT } from "./sets.js";

/** Writes the export of `knowledgeDir` to `outFile`; rejects with the CLI's stderr on failure. */
export function exportKnowledge(knowledgeDir: string, outFile: string): Promise<void> {
  const fd = openSync(outFile, "w");
  return new Promise<void>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "src/main.ts", "export", "--json", "--no-snapshot", "--knowledge", knowledgeDir],
      { cwd: REPO_ROOT, stdio: ["ignore", fd, "pipe"] },
    );
    const err: Buffer[] = [];
    child.stderr?.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (code === 0) resolve();
      else {
        const message = Buffer.concat(err).toString().trim();
        reject(new Error(`Parley eval: export of ${knowledgeDir} failed (${signal ?? code}): ${message}`));
      }
    });
  }).finally(() => closeSync(fd));
}
