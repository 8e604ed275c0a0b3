#!/usr/bin/env node
// The `rasid` command: TypeScript sources run through tsx, so a fresh clone needs no build step.
import { register } from "tsx/esm/api";

register();
await import("../src/cli.ts");
