// The prepare pool's worker entry: a worker thread does not inherit tsx's loader from the main
// thread, so it registers it before loading the TypeScript (as src/ingest/worker-entry.js does).
import { register } from "tsx/esm/api";

register();
await import("./prepare-worker.ts");
