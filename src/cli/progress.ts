// **progress** draws one status line on stderr while a build runs: articles done, MB/s, ETA.
import { statSync } from 'node:fs';
import { processIo, type Io } from './io.js';

/** Where the line goes; `process.stderr` in use, a fake in tests. */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export interface Progress {
  /** The build's `onArticle` callback. */
  onArticle: (done: number, total: number, path: string) => void;
  /** Clears the line, before the summary is printed. */
  end(): void;
}

// ### `formatProgress` is the text of the line: "120/4000 articles · 3.2 MB · 1.5 MB/s · ETA 1m05s".
export function formatProgress(done: number, total: number, bytes: number, seconds: number): string {
  const mb = bytes / 1e6;
  const rate = seconds > 0 ? mb / seconds : 0;
  const left = done > 0 && done < total ? (seconds / done) * (total - done) : 0;
  const eta = left >= 60 ? `${Math.floor(left / 60)}m${String(Math.round(left % 60)).padStart(2, '0')}s` : `${Math.round(left)}s`;
  return `${done}/${total} articles · ${mb.toFixed(1)} MB · ${rate.toFixed(1)} MB/s · ETA ${eta}`;
}

// ### `progress` returns a progress display, or undefined when it should stay quiet: with --quiet,
// when stderr is not a terminal, or when `io` is a test's capture.
export function progress(io: Io, quiet: boolean, stream: ProgressStream = process.stderr, now: () => number = () => performance.now()): Progress | undefined {
  if (quiet || !stream.isTTY || (io !== processIo && stream === process.stderr)) return undefined;
  const start = now();
  let bytes = 0, last = -Infinity, shown = false;
  return {
    onArticle(done, total, path) {
      try {
        if (path !== '-') bytes += statSync(path).size;
      } catch {
        // A file that failed to read is reported by the build; it adds nothing here.
      }
      const t = now();
      // A redraw every 100 ms is plenty, and keeps a fast build from spending its time on the terminal.
      if (t - last < 100 && done < total) return;
      last = t;
      shown = true;
      const line = formatProgress(done, total, bytes, (t - start) / 1000).slice(0, (stream.columns || 80) - 1);
      stream.write(`\r${line}\x1b[K`);
    },
    end() {
      if (shown) stream.write('\r\x1b[K');
    },
  };
}
