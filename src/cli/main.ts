#!/usr/bin/env node
// **main** is the `newskg` executable: it runs the CLI and sets the exit code.
import { run } from './index.js';

// A reader that stops early (`newskg explain … | head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

process.exitCode = await run(process.argv.slice(2));
