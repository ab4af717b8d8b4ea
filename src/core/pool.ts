/** Element type of one pool column. */
export type ColumnType = 'f64' | 'f32' | 'i32' | 'u32' | 'u16' | 'u8';

/** A pool's column layout: name → element type. */
export type PoolSchema = Record<string, ColumnType>;

type ArrayOf<T extends ColumnType> = T extends 'f64'
  ? Float64Array
  : T extends 'f32'
    ? Float32Array
    : T extends 'i32'
      ? Int32Array
      : T extends 'u32'
        ? Uint32Array
        : T extends 'u16'
          ? Uint16Array
          : Uint8Array;

/** The typed arrays of a pool, one per schema column (replaced when the pool grows). */
export type Columns<S extends PoolSchema> = { [K in keyof S]: ArrayOf<S[K]> };

/** Any typed array a pool column can be. */
export type AnyColumn = Float64Array | Float32Array | Int32Array | Uint32Array | Uint16Array | Uint8Array;

function makeColumn(type: ColumnType, length: number): AnyColumn {
  switch (type) {
    case 'f64': return new Float64Array(length);
    case 'f32': return new Float32Array(length);
    case 'i32': return new Int32Array(length);
    case 'u32': return new Uint32Array(length);
    case 'u16': return new Uint16Array(length);
    case 'u8': return new Uint8Array(length);
  }
}

function grown<A extends AnyColumn>(old: A, length: number): A {
  const next = new (old.constructor as new (n: number) => A)(length);
  next.set(old);
  return next;
}

/**
 * The object holding a pool's columns. A class of its own rather than `{}` because V8 shares
 * the property layouts of all objects grown from `{}`: the first time any other code adds
 * `x` to an empty object (seedrandom's state() does, with a number), V8 widens the recorded
 * type of `x` and discards every optimised step that read `cols.x` as a Float64Array. A
 * class starts its own layout tree, so nothing outside the pool can widen it.
 */
class ColumnSet {}

/**
 * A pool's columns grouped by element type, for the per-row work of births and deaths. A loop
 * over columns of one type reads and writes one kind of typed array; looping over all columns
 * by name made every access megamorphic (a property lookup by string, then a typed-array
 * access of any of six kinds) and cost a fifth of a default run's time.
 */
class ColumnGroups {
  readonly f64: Float64Array[] = [];
  readonly f32: Float32Array[] = [];
  readonly i32: Int32Array[] = [];
  readonly u32: Uint32Array[] = [];
  readonly u16: Uint16Array[] = [];
  readonly u8: Uint8Array[] = [];

  constructor(schema: PoolSchema, cols: Record<string, AnyColumn>) {
    for (const key of Object.keys(schema)) (this[schema[key]] as AnyColumn[]).push(cols[key]);
  }

  /** Sets row `row` of every column to 0. */
  zeroRow(row: number): void {
    const { f64, f32, i32, u32, u16, u8 } = this;
    for (let k = 0; k < f64.length; k++) f64[k][row] = 0;
    for (let k = 0; k < f32.length; k++) f32[k][row] = 0;
    for (let k = 0; k < i32.length; k++) i32[k][row] = 0;
    for (let k = 0; k < u32.length; k++) u32[k][row] = 0;
    for (let k = 0; k < u16.length; k++) u16[k][row] = 0;
    for (let k = 0; k < u8.length; k++) u8[k][row] = 0;
  }

  /** Copies row `from` of `source` (a column set of the same schema) into row `to` of this one. */
  copyRowFrom(source: ColumnGroups, to: number, from: number): void {
    for (let k = 0; k < this.f64.length; k++) this.f64[k][to] = source.f64[k][from];
    for (let k = 0; k < this.f32.length; k++) this.f32[k][to] = source.f32[k][from];
    for (let k = 0; k < this.i32.length; k++) this.i32[k][to] = source.i32[k][from];
    for (let k = 0; k < this.u32.length; k++) this.u32[k][to] = source.u32[k][from];
    for (let k = 0; k < this.u16.length; k++) this.u16[k][to] = source.u16[k][from];
    for (let k = 0; k < this.u8.length; k++) this.u8[k][to] = source.u8[k][from];
  }

  /** Copies row `from` of every column into row `to`. */
  copyRow(to: number, from: number): void {
    const { f64, f32, i32, u32, u16, u8 } = this;
    for (let k = 0; k < f64.length; k++) f64[k][to] = f64[k][from];
    for (let k = 0; k < f32.length; k++) f32[k][to] = f32[k][from];
    for (let k = 0; k < i32.length; k++) i32[k][to] = i32[k][from];
    for (let k = 0; k < u32.length; k++) u32[k][to] = u32[k][from];
    for (let k = 0; k < u16.length; k++) u16[k][to] = u16[k][from];
    for (let k = 0; k < u8.length; k++) u8[k][to] = u8[k][from];
  }
}

/** Bits of an id that hold the slot; the rest hold the slot's generation. */
const SLOT_SPAN = 1 << 24;
/** Id meaning "no agent". */
export const NO_ID = -1;

/**
 * A structure-of-arrays agent pool. Live agents are packed densely in rows [0, count), so
 * loops over a kind touch contiguous memory. Each agent has a stable generational id
 * (generation·2^24 + slot) kept in the `id` column: a stale id (agent removed, slot reused)
 * never resolves to the new occupant.
 *
 * Births and deaths are deferred: `stageSpawn`/`stageRemove` during a phase, `commit` at the
 * phase boundary, so iterating while removing is safe and rows stay put within a phase. A
 * newborn's id is known when it is staged (so a record can point at it at once); it resolves
 * with `rowOf` from the commit on. Transfers (a change of place or stage, such as a tumour cell
 * entering the blood) are staged too — `stageTransfer` hands out a copy of the row to edit —
 * and applied by `commitTransfers` when the module that staged them ends.
 * Columns are replaced when the pool grows: never keep a column reference across a commit.
 */
export class Pool<S extends PoolSchema> {
  /** The kind this pool holds (used in hashes, snapshots and errors). */
  readonly name: string;
  /** Column layout. */
  readonly schema: S;
  /** Live rows, packed in [0, count). */
  cols: Columns<S>;
  /** The same columns by element type (replaced with them). */
  private groups: ColumnGroups;
  /** Stable id of the agent in each row. */
  id: Float64Array;
  /** Number of live agents. */
  count = 0;
  /** Allocated rows. */
  capacity: number;

  private slotGen: Uint32Array;
  private slotRow: Int32Array;
  private freeSlots: Int32Array;
  private freeCount = 0;
  private slotsUsed = 0;

  // Staged births live in the rows after `count` (so a spawn writes columns directly);
  // staged deaths are a list of rows.
  private staged = 0;
  private removeRows: Int32Array;
  private removeCount = 0;

  /**
   * Staged transfers: row k of `moving` is the edited copy of live row `transferRows[k]`.
   * A separate column set (same schema), so a transfer never disturbs the live rows that the
   * module staging it may still read.
   */
  moving: Columns<S>;
  private movingGroups: ColumnGroups;
  private movingCapacity = 0;
  private transferRows: Int32Array;
  private transferCount = 0;

  constructor(name: string, schema: S, capacity = 1024) {
    this.name = name;
    this.schema = schema;
    // Every array that growth replaces is created empty here and then replaced by resize(),
    // and removeRows likewise. V8 treats a field stored only once as constant and, the first
    // time such a field is reassigned, discards all optimised code that read any field of
    // the object's shape: with full-size arrays from the start, a pool's first growth mid-run
    // threw away nearly every module's compiled code (~0.2 s of recompilation per thread).
    // Replaced once here, before anything is compiled, the fields are known to change.
    this.capacity = 0;
    const cols = new ColumnSet() as Record<string, AnyColumn>;
    for (const key of Object.keys(schema)) cols[key] = makeColumn(schema[key], 0);
    this.cols = cols as Columns<S>;
    this.groups = new ColumnGroups(schema, cols);
    this.id = new Float64Array(0);
    this.slotGen = new Uint32Array(0);
    this.slotRow = new Int32Array(0);
    this.freeSlots = new Int32Array(0);
    this.removeRows = new Int32Array(0);
    this.transferRows = new Int32Array(0);
    const moving = new ColumnSet() as Record<string, AnyColumn>;
    for (const key of Object.keys(schema)) moving[key] = makeColumn(schema[key], 0);
    this.moving = moving as Columns<S>;
    this.movingGroups = new ColumnGroups(schema, moving);
    this.resize(Math.max(16, capacity));
    this.removeRows = new Int32Array(256);
    this.growMoving(64);
  }

  /** Column names in schema order. */
  columnNames(): string[] {
    return Object.keys(this.schema);
  }

  /** Grows every column to at least `rows` rows by doubling; existing ids stay valid. */
  reserve(rows: number): void {
    if (rows <= this.capacity) return;
    let cap = this.capacity;
    while (cap < rows) cap *= 2;
    if (cap > SLOT_SPAN) throw new Error(`pool ${this.name}: capacity ${cap} exceeds ${SLOT_SPAN}`);
    this.resize(cap);
  }

  /** Replaces every per-row array with one of `cap` rows holding the same leading contents. */
  private resize(cap: number): void {
    const cols = this.cols as Record<string, AnyColumn>;
    for (const key of Object.keys(cols)) cols[key] = grown(cols[key], cap);
    this.groups = new ColumnGroups(this.schema, cols);
    this.id = grown(this.id, cap);
    this.slotGen = grown(this.slotGen, cap);
    const slotRow = new Int32Array(cap).fill(-1);
    slotRow.set(this.slotRow);
    this.slotRow = slotRow;
    this.freeSlots = grown(this.freeSlots, cap);
    this.capacity = cap;
  }

  /**
   * Stages a birth and returns its row; write the new agent's columns at that row now (every
   * column starts at 0). The agent becomes live, with a fresh id, at the next commit.
   */
  stageSpawn(): number {
    // Rows past the live and staged ones are always zero (growth adds zeros; a death zeroes
    // the row it vacates), so nothing is cleared here: this is inlined into every module that
    // spawns, and its own loop over the columns made each of their compiled steps larger.
    const row = this.count + this.staged;
    if (row >= this.capacity) this.reserve(row + 1);
    this.staged++;
    // The slot is taken now rather than at commit: births commit before deaths, so the free
    // slots at commit are the ones free now, and the id is the same either way.
    const slot = this.freeCount > 0 ? this.freeSlots[--this.freeCount] : this.slotsUsed++;
    this.id[row] = this.slotGen[slot] * SLOT_SPAN + slot;
    return row;
  }

  /**
   * Stages a transfer of the agent in live `row` and returns its index k in `moving`, which
   * holds a copy of the row: write the agent's new values there (moving.stage[k] = …). The copy
   * replaces the row at `commitTransfers`, so stage a transfer after the step's other writes to
   * that row. A row is transferred at most once per commit.
   */
  stageTransfer(row: number): number {
    const k = this.transferCount;
    if (k === this.movingCapacity) this.growMoving(2 * k);
    this.movingGroups.copyRowFrom(this.groups, k, row);
    this.transferRows[k] = row;
    this.transferCount++;
    return k;
  }

  /** Applies staged transfers in staging order; rows and ids do not change. */
  commitTransfers(): void {
    for (let k = 0; k < this.transferCount; k++) this.groups.copyRowFrom(this.movingGroups, this.transferRows[k], k);
    this.transferCount = 0;
  }

  private growMoving(cap: number): void {
    const moving = this.moving as Record<string, AnyColumn>;
    for (const key of Object.keys(moving)) moving[key] = grown(moving[key], cap);
    this.movingGroups = new ColumnGroups(this.schema, moving);
    this.transferRows = grown(this.transferRows, cap);
    this.movingCapacity = cap;
  }

  /** Copies every column of row `from` into row `to` (e.g. a staged daughter from its mother). */
  copyRow(to: number, from: number): void {
    this.groups.copyRow(to, from);
  }

  /** Stages the death of the agent in `row` (a live row; duplicates are ignored at commit). */
  stageRemove(row: number): void {
    if (this.removeCount === this.removeRows.length) this.removeRows = grown(this.removeRows, this.removeCount * 2);
    this.removeRows[this.removeCount++] = row;
  }

  /** Births, deaths and transfers staged and not yet committed. */
  pending(): number {
    return this.staged + this.removeCount + this.transferCount;
  }

  /**
   * Applies staged births (in staging order, appended) and then staged deaths (in descending row
   * order, swap-with-last, so the result depends only on which rows were staged, never on the
   * order they were staged in).
   */
  commit(): void {
    // Births and deaths move rows; a transfer staged against a row must land before that.
    if (this.transferCount > 0) throw new Error(`pool ${this.name}: commit with ${this.transferCount} uncommitted transfers`);
    if (this.staged > 0) this.commitSpawns();
    if (this.removeCount > 0) this.commitRemovals();
  }

  private commitRemovals(): void {
    const rows = this.removeRows.subarray(0, this.removeCount);
    rows.sort();
    const groups = this.groups;
    let last = -1;
    for (let k = rows.length - 1; k >= 0; k--) {
      const row = rows[k];
      if (row === last) continue;
      last = row;
      const slot = this.id[row] % SLOT_SPAN;
      this.slotRow[slot] = -1;
      this.slotGen[slot]++;
      this.freeSlots[this.freeCount++] = slot;
      const end = this.count - 1;
      if (row !== end) {
        groups.copyRow(row, end);
        this.id[row] = this.id[end];
        this.slotRow[this.id[row] % SLOT_SPAN] = row;
      }
      groups.zeroRow(end);
      this.count--;
    }
    this.removeCount = 0;
  }

  private commitSpawns(): void {
    for (let k = 0; k < this.staged; k++) {
      const row = this.count + k;
      this.slotRow[this.id[row] % SLOT_SPAN] = row;
    }
    this.count += this.staged;
    this.staged = 0;
  }

  /** Row of the live agent with this id, or -1 when the id is stale or unknown. */
  rowOf(id: number): number {
    if (id < 0) return -1;
    const slot = id % SLOT_SPAN;
    if (slot >= this.slotsUsed) return -1;
    const gen = (id - slot) / SLOT_SPAN;
    if (this.slotGen[slot] !== gen) return -1;
    return this.slotRow[slot];
  }

  /** True when `id` names a live agent. */
  isLive(id: number): boolean {
    return this.rowOf(id) >= 0;
  }

  /** Plain-data copy of the live state, for snapshots. */
  save(): PoolSnapshot {
    if (this.pending() > 0) throw new Error(`pool ${this.name}: cannot save with uncommitted changes`);
    const columns: Record<string, number[]> = {};
    const cols = this.cols as Record<string, AnyColumn>;
    for (const key of Object.keys(cols)) columns[key] = Array.from(cols[key].subarray(0, this.count));
    return {
      count: this.count,
      columns,
      id: Array.from(this.id.subarray(0, this.count)),
      slotGen: Array.from(this.slotGen.subarray(0, this.slotsUsed)),
      freeSlots: Array.from(this.freeSlots.subarray(0, this.freeCount)),
      slotsUsed: this.slotsUsed,
    };
  }

  /** Replaces the state with a snapshot made by `save` on a pool of the same schema. */
  load(snap: PoolSnapshot): void {
    this.reserve(Math.max(snap.count, snap.slotsUsed, 16));
    const cols = this.cols as Record<string, AnyColumn>;
    for (const key of Object.keys(cols)) {
      const values = snap.columns[key];
      if (!values || values.length !== snap.count) throw new Error(`snapshot of pool ${this.name}: column ${key} missing or wrong length`);
      cols[key].set(values);
      cols[key].fill(0, snap.count); // rows past the live ones are kept zero (see stageSpawn)
    }
    this.count = snap.count;
    this.id.set(snap.id);
    this.slotsUsed = snap.slotsUsed;
    this.slotGen.fill(0);
    this.slotGen.set(snap.slotGen);
    this.slotRow.fill(-1);
    for (let row = 0; row < this.count; row++) this.slotRow[this.id[row] % SLOT_SPAN] = row;
    this.freeCount = snap.freeSlots.length;
    this.freeSlots.set(snap.freeSlots);
    this.staged = 0;
    this.removeCount = 0;
    this.transferCount = 0;
  }
}

/** Plain-data state of a pool (JSON-safe). */
export interface PoolSnapshot {
  count: number;
  columns: Record<string, number[]>;
  id: number[];
  slotGen: number[];
  freeSlots: number[];
  slotsUsed: number;
}
