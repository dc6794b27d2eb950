// **terminal** tells whether a command's output goes to a terminal and how wide it is, and writes it.
import { processIo, type Io } from './io.js';

// ### `terminalWidth` is the width of the terminal stdout is, or undefined when stdout is a pipe or
// a file (or `io` is a test's capture): tables are then written whole, and plain text preferred.
export function terminalWidth(io: Io): number | undefined {
  return io === processIo && process.stdout.isTTY ? process.stdout.columns || 100 : undefined;
}

// ### `emit` hands a block of text to `io.out`, which adds the last line break back.
export function emit(io: Io, text: string): void {
  if (text) io.out(text.endsWith('\n') ? text.slice(0, -1) : text);
}
