#!/usr/bin/env node
// Entry point of the `llmops` bin: the compiled CLI lives in dist/ (npm run build).
import { main } from "../dist/cli/main.js";

process.exit(await main(process.argv.slice(2)));
