// The ingest worker's entry: a worker thread does not inherit tsx's loader from the main thread,
// so it registers it before loading the TypeScript (as src/bin/parley.js does for the process).
import { register } from "tsx/esm/api";

register();
await import("./worker-thread.ts");
