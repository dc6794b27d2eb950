// **cli** registers every command from one table and maps errors to exit codes:
// 0 done; 1 some input failed, the rest built; 2 usage error.
import yargs, { type Argv } from 'yargs';
import { NewskgError, RuleError, UsageError } from '../errors.js';
import * as buildCommand from './commands/build.js';
import * as queryCommand from './commands/query.js';
import * as sparqlCommand from './commands/sparql.js';
import * as evalCommand from './commands/eval.js';
import * as explainCommand from './commands/explain.js';
import * as loadCommand from './commands/load.js';
import * as mergeCommand from './commands/merge.js';
import * as validateCommand from './commands/validate.js';
import { processIo, type Io } from './io.js';

export const EXIT = { ok: 0, inputFailed: 1, usage: 2, internal: 3 } as const;

interface CommandModule {
  command: string;
  describe: string;
  builder: (y: Argv) => Argv<any>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  handler: (argv: any, io: Io) => Promise<number>;
}

// Order here is the order of `--help`.
const COMMANDS: CommandModule[] = [buildCommand, mergeCommand, evalCommand, explainCommand, queryCommand, sparqlCommand, loadCommand, validateCommand];

// ### `run` runs the CLI on `args` and resolves to the exit code; it never calls process.exit.
export async function run(args: string[], io: Io = processIo): Promise<number> {
  let code: number = EXIT.ok;
  let usageError: string | undefined;
  const y = yargs(args)
    .scriptName('newskg')
    .usage('$0 <command> [options]\n\nBuild a knowledge graph of international-affairs news: who met whom, when, where, and says who.')
    .strict()
    .demandCommand(1, 'Name a command, e.g. `newskg build data/`.')
    .recommendCommands()
    .help()
    .alias('help', 'h')
    .version()
    .wrap(Math.min(100, process.stdout.columns || 100))
    .epilogue('Exit codes: 0 done; 1 some input failed (the rest was built); 2 usage error.')
    .exitProcess(false)
    .fail((msg, err) => {
      // Throwing stops yargs before it runs the command: a mistyped option must never act.
      if (err && !(err instanceof UsageError) && !(err as { name?: string }).name?.startsWith('YError')) throw err;
      throw err instanceof UsageError ? err : new UsageError(msg || err?.message || 'invalid arguments');
    });
  for (const c of COMMANDS) {
    y.command(c.command, c.describe, c.builder, async (argv) => {
      code = await c.handler(argv, io);
    });
  }
  try {
    await y.parseAsync();
  } catch (e) {
    if (e instanceof UsageError) usageError = e.message;
    else if (e instanceof RuleError) {
      io.err(`newskg: ${e.message}`);
      return EXIT.usage;
    } else if (e instanceof NewskgError) {
      io.err(`newskg: ${e.message}`);
      return EXIT.inputFailed;
    } else {
      io.err(`newskg: internal error: ${(e as Error)?.stack ?? e}`);
      return EXIT.internal;
    }
  }
  if (usageError) {
    io.err(`newskg: ${usageError}`);
    io.err('Run `newskg --help` for usage.');
    return EXIT.usage;
  }
  return code;
}
