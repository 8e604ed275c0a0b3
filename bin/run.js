#!/usr/bin/env node
// Runs a TypeScript script (bench, demo) through tsx: `node bin/run.js scripts/x.ts [args…]`.
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { register } from "tsx/esm/api";

register();
const script = process.argv[2];
if (!script) {
  console.error("usage: node bin/run.js SCRIPT.ts [args…]");
  process.exit(2);
}
process.argv.splice(2, 1);
await import(pathToFileURL(resolve(script)).href);
