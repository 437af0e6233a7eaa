// The progress line of a long run: "ivr-audit: 120/1000 files  flows/billing.yaml" on stderr,
// redrawn in place and erased when the run ends. Only on a terminal a person watches: not when
// stderr is a file or a pipe, not in CI (logs keep every redraw), not with TERM=dumb (no cursor
// control), not with --quiet. It appears once a run has taken about a second, so quick runs never flash it.
import type { AuditProgress } from '../parallel/run.js';
import { visible } from '../report/escape.js';

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export interface ProgressClock {
  now(): number;
  /** Calls `action` once after `ms`; the returned function cancels it. */
  after(ms: number, action: () => void): () => void;
}

/** How long a run goes before the line appears, and the least time between two redraws. */
export const PROGRESS_DELAY_MS = 1000;
export const REDRAW_MS = 100;

const ERASE_LINE = '\r\u001B[2K';

const SYSTEM_CLOCK: ProgressClock = {
  now: () => Date.now(),
  after: (ms, action) => {
    const timer = setTimeout(action, ms);
    timer.unref(); // a pending redraw never keeps the process alive
    return () => clearTimeout(timer);
  },
};

/** True when the environment says a CI system runs us (`CI=true`, `CI=1`...; `CI=false` and `CI=0` do not count). */
function inCi(env: Readonly<Record<string, string | undefined>>): boolean {
  const value = env.CI;
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

/** The progress line for this stream, or undefined when none should be shown. */
export function progressLine(
  stream: ProgressStream,
  options: { env: Readonly<Record<string, string | undefined>>; quiet?: boolean; clock?: ProgressClock },
): ProgressLine | undefined {
  if (stream.isTTY !== true || options.quiet || inCi(options.env) || options.env.TERM === 'dumb') return undefined;
  return new ProgressLine(stream, options.clock ?? SYSTEM_CLOCK);
}

export class ProgressLine {
  private latest: AuditProgress | undefined;
  private shown = false;
  private lastDrawn = 0;
  private cancel: (() => void) | undefined;

  constructor(private readonly stream: ProgressStream, private readonly clock: ProgressClock) {}

  /** The run moved on; drawn once it has lasted PROGRESS_DELAY_MS, then at most every REDRAW_MS. */
  readonly update = (progress: AuditProgress): void => {
    this.latest = progress;
    if (!this.shown) {
      this.cancel ??= this.clock.after(PROGRESS_DELAY_MS, () => this.draw());
      return;
    }
    if (this.clock.now() - this.lastDrawn >= REDRAW_MS || progress.done === progress.total) this.draw();
  };

  /** Erases the line (before anything else is written to the terminal); a later update starts over. */
  end(): void {
    this.cancel?.();
    this.cancel = undefined;
    if (this.shown) this.stream.write(ERASE_LINE);
    this.shown = false;
    this.latest = undefined;
  }

  private draw(): void {
    if (!this.latest) return;
    this.shown = true;
    this.lastDrawn = this.clock.now();
    // A terminal of unknown size (0 columns, as under `script`) is taken as 80 wide.
    this.stream.write(`${ERASE_LINE}${progressText(this.latest, this.stream.columns || 80)}`);
  }
}

/** One line that fits the terminal (no wrap, so \r returns to its start): the count, then the file, cut from the left. */
export function progressText(progress: AuditProgress, columns: number): string {
  const count = `ivr-audit: ${progress.done}/${progress.total} files`;
  const room = columns - 1 - count.length - 2;
  if (progress.file === undefined || room < 8) return count.slice(0, Math.max(0, columns - 1));
  const file = visible(progress.file);
  return `${count}  ${file.length <= room ? file : `…${file.slice(file.length - room + 1)}`}`;
}
