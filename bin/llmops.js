#!/usr/bin/env node
// Entry point of the `llmops` bin: the compiled CLI lives in dist/ (npm run build).
import { flushStandardStreams, ignoreClosedPipes, main } from "../dist/cli/main.js";

ignoreClosedPipes();
const code = await main(process.argv.slice(2));
// Exit only once stdout and stderr have drained: a report on a pipe is never cut short.
await flushStandardStreams();
process.exit(code);
