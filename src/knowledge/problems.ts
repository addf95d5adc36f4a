/** A problem found in a knowledge file, with where it is and a plain reason. */
export interface KnowledgeProblem {
  /** Path of the file, relative to the knowledge folder. */
  path: string;
  /** 1-based line the problem is on (1 when it concerns the whole file). */
  line: number;
  /** Plain reason, e.g. `"published" must be an ISO date (YYYY-MM-DD), got "24/10/2024"`. */
  message: string;
  /** An error keeps the file out; a warning is reported but the file still loads. */
  severity: "error" | "warning";
}

/** Renders a problem the way compilers do: `path:line: error: message`. */
export function formatProblem(problem: KnowledgeProblem): string {
  return `${problem.path}:${problem.line}: ${problem.severity}: ${problem.message}`;
}
