#!/usr/bin/env node
// The `parley` command (npx parley ...): runs the TypeScript sources through tsx, no build step.
import { register } from "tsx/esm/api";

register();
await import("../main.ts");
