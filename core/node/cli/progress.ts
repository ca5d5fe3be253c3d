// Progress on stderr: a bar redrawn in place on a terminal, plain lines when stderr is a file or
// a pipe (CI logs, cron mail), and nothing at all with --quiet.

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface Progress {
  /** Moves the bar (terminal only; a log does not need a line per step). */
  bar(done: number, total: number, label: string): void;
  /** A line worth keeping in a log, printed above the bar on a terminal. */
  line(text: string): void;
  /** Clears the bar before the final output. */
  end(): void;
}

const WIDTH = 24;

export function createProgress(stream: ProgressStream, quiet: boolean): Progress {
  if (quiet) return { bar: () => undefined, line: () => undefined, end: () => undefined };
  if (!stream.isTTY) {
    return { bar: () => undefined, line: (text) => void stream.write(`${text}\n`), end: () => undefined };
  }
  let drawn = false;
  const clear = () => {
    if (drawn) stream.write('\r\x1b[2K');
    drawn = false;
  };
  return {
    bar(done, total, label) {
      const fraction = total > 0 ? Math.min(1, done / total) : 0;
      const filled = Math.round(fraction * WIDTH);
      const text = `[${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}] ${done}/${total} ${label}`;
      const columns = stream.columns ?? 80;
      clear();
      stream.write(text.length >= columns ? `${text.slice(0, columns - 2)}…` : text);
      drawn = true;
    },
    line(text) {
      clear();
      stream.write(`${text}\n`);
    },
    end: clear,
  };
}
