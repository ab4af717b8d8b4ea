/**
 * The run's metric history on the main thread: one growable Float64Array column per metric,
 * indexed by tick (row 0 = the initial state). Charts read views of the columns; exports read
 * all of it. Rows arrive row-major from the worker and may overlap what is already stored.
 */
export class SeriesStore {
  /** Metric names in column order (the engine's METRICS order). */
  names: readonly string[] = [];
  private cols: Float64Array[] = [];
  private tickCol = new Float64Array(0);
  /** Rows stored (ticks 0 .. length-1). */
  length = 0;

  /** Clears the store for a new run with these metric names. */
  reset(names: readonly string[]): void {
    this.names = names;
    this.cols = names.map(() => new Float64Array(256));
    this.tickCol = new Float64Array(256);
    this.length = 0;
  }

  /** Stores `rows` (row-major, names.length wide) for ticks firstTick, firstTick+1, … */
  push(firstTick: number, rows: Float64Array): void {
    const n = this.names.length;
    if (n === 0) return;
    const count = rows.length / n;
    const end = firstTick + count;
    this.reserve(end);
    for (let r = 0; r < count; r++) {
      const t = firstTick + r;
      this.tickCol[t] = t;
      for (let k = 0; k < n; k++) this.cols[k][t] = rows[r * n + k];
    }
    if (end > this.length) this.length = end;
  }

  /** Index of a metric, or -1. */
  indexOf(name: string): number {
    return this.names.indexOf(name);
  }

  /** A metric's values for ticks 0 .. length-1 (a view; do not keep across pushes). */
  column(name: string): Float64Array {
    const k = this.indexOf(name);
    return k < 0 ? new Float64Array(0) : this.cols[k].subarray(0, this.length);
  }

  /** Tick numbers 0 .. length-1 (a view). */
  ticks(): Float64Array {
    return this.tickCol.subarray(0, this.length);
  }

  /** Latest value of a metric (NaN when unknown or empty). */
  latest(name: string): number {
    const k = this.indexOf(name);
    return k < 0 || this.length === 0 ? NaN : this.cols[k][this.length - 1];
  }

  /** Value of metric k at tick t. */
  at(k: number, t: number): number {
    return this.cols[k][t];
  }

  /** Latest values by name. */
  latestAll(): Record<string, number> {
    const out: Record<string, number> = {};
    this.names.forEach((name, k) => (out[name] = this.length ? this.cols[k][this.length - 1] : NaN));
    return out;
  }

  private reserve(rows: number): void {
    if (rows <= this.tickCol.length) return;
    let cap = this.tickCol.length;
    while (cap < rows) cap *= 2;
    const grow = (a: Float64Array) => {
      const b = new Float64Array(cap);
      b.set(a);
      return b;
    };
    this.tickCol = grow(this.tickCol);
    this.cols = this.cols.map(grow);
  }
}
