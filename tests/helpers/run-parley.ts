/** Runs Parley as a real process, the way the README does, for console and CLI tests. */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export const REPO = fileURLToPath(new URL("../..", import.meta.url));
const TSX = fileURLToPath(new URL("../../node_modules/.bin/tsx", import.meta.url));

/** The environment for a console run: no Discord token, whatever the developer's .env says. */
export function consoleEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, DISCORD_TOKEN: "", NO_COLOR: "1", ...extra };
}

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `parley ARGS` to completion, with optional standard input. */
export function runParley(
  args: string[],
  options: { input?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ["src/main.ts", ...args], { cwd: REPO, env: options.env ?? consoleEnv() });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? "");
  });
}

/** A console session kept open: type a line, wait for text to appear. */
export class ConsoleSession {
  private output = "";
  readonly child: ChildProcessWithoutNullStreams;

  constructor(args: string[] = [], env: NodeJS.ProcessEnv = consoleEnv()) {
    this.child = spawn(TSX, ["src/main.ts", ...args], { cwd: REPO, env });
    this.child.stdout.on("data", (chunk: Buffer) => {
      this.output += chunk.toString();
    });
    this.child.stderr.on("data", (chunk: Buffer) => {
      this.output += chunk.toString();
    });
  }

  /** Everything printed since `mark`. */
  since(mark: number): string {
    return this.output.slice(mark);
  }

  get length(): number {
    return this.output.length;
  }

  type(line: string): number {
    const mark = this.output.length;
    this.child.stdin.write(`${line}\n`);
    return mark;
  }

  async waitFor(pattern: RegExp, from = 0, timeoutMs = 15000): Promise<string> {
    const started = Date.now();
    while (Date.now() - started < timeoutMs) {
      const text = this.since(from);
      if (pattern.test(text)) return text;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(
      `Parley console did not print ${pattern} within ${timeoutMs} ms; it printed:\n${this.since(from)}`,
    );
  }

  close(): Promise<number | null> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null) {
        resolve(this.child.exitCode);
        return;
      }
      this.child.on("close", resolve);
      this.child.stdin.end();
    });
  }
}
