#!/usr/bin/env node
// **main** is the `newskg` executable: it runs the CLI and sets the exit code.
import { run } from './index.js';

process.exitCode = await run(process.argv.slice(2));
