// A plain-text progress bar for stderr: one line rewritten with \r, so stdout stays free for the
// final summary. Wall-clock time here only paces the display and estimates time left; it never
// touches a run.

/** Where progress goes (process.stderr, or a test sink). */
export interface ProgressSink {
  write(s: string): unknown;
  isTTY?: boolean;
}

const WIDTH = 28;

/** m:ss or h:mm:ss. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** The bar text for `done` of `total` (pure, for tests). */
export function progressLine(done: number, total: number, elapsedMs: number, note: string): string {
  const frac = total > 0 ? done / total : 1;
  const filled = Math.round(frac * WIDTH);
  const bar = `${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}`;
  const left = done > 0 && done < total ? `  ~${formatDuration((elapsedMs / done) * (total - done))} left` : '';
  const pct = `${Math.floor(frac * 100)}%`.padStart(4);
  return `[${bar}] ${String(done).padStart(String(total).length)}/${total} runs ${pct}  ${formatDuration(elapsedMs)}${left}${note ? `  ${note}` : ''}`;
}

/** A progress bar over a known number of runs. */
export class Progress {
  private done = 0;
  private lastDraw = -Infinity;
  private readonly started = performance.now(); // det-ok: display pacing only
  private readonly minIntervalMs: number;
  private width = 0;
  private drawnDone = -1;

  constructor(private readonly sink: ProgressSink | null, private readonly total: number, private readonly note: string) {
    // A log file (Slurm's, say) gets a line every few seconds, not a flood of rewrites.
    this.minIntervalMs = sink?.isTTY ? 100 : 5000;
    this.draw(true);
  }

  /** Counts one finished run. */
  step(): void {
    this.done++;
    this.draw(this.done === this.total);
  }

  /** Draws the final state and ends the line. */
  finish(): void {
    if (!this.sink) return;
    if (this.drawnDone !== this.done) this.draw(true);
    this.sink.write('\n');
  }

  private draw(force: boolean): void {
    if (!this.sink) return;
    const now = performance.now(); // det-ok: display pacing only
    if (!force && now - this.lastDraw < this.minIntervalMs) return;
    this.lastDraw = now;
    this.drawnDone = this.done;
    const line = progressLine(this.done, this.total, now - this.started, this.note);
    // Pad over the previous, possibly longer, line.
    const pad = Math.max(0, this.width - line.length);
    this.width = line.length;
    this.sink.write(`\r${line}${' '.repeat(pad)}`);
  }
}
