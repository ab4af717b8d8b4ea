import type { Remote } from 'comlink';
import { shedOrgan, type MetastasisEvent, type SimEvent } from '../../engine/events';
import type { AgentDetails, EngineApi, WorldLayout } from '../../protocol/engine-api';
import { formatDay } from '../format';
import { regionRect } from '../highlights';
import type { MapView } from '../render/map-view';
import { regionTitle } from '../render/static-layers';
import { FollowPanel } from '../ui/follow-panel';
import { followStages, routeTo, type FollowStage } from './follow-plan';

/** What following a cell needs from the page. */
export interface FollowHost {
  readonly map: MapView;
  readonly api: Remote<EngineApi>;
  layout(): WorldLayout | null;
  events(): readonly SimEvent[];
  /** Cargo the run packages. */
  cargo(): readonly string[];
  tick(): number;
  pause(): void;
  /** Restarts the run at tick 0 (same scenario, seed and what-ifs). */
  restart(): Promise<void>;
  /** Runs (paused) to a tick, drawing it. */
  runTo(tick: number): Promise<unknown>;
}

/** Wall time between stages when the path plays on its own, ms. */
const PLAY_MS = 2600;

/**
 * Follow a cell (issue 14, teaching feature 2): replays the run — same scenario, seed and
 * what-ifs, so the same cells — stopping at each stage of the path of the cell that founded a
 * metastasis, from its lineage event: invasion, intravasation, the blood, arrest, extravasation,
 * dormancy, the colony and the metastasis. At each stage it finds the cell among its lineage's
 * living cells (the one whose recorded ticks match the event), rings it, and points the camera
 * at it; in the blood it traces a route to the organ.
 */
export class FollowController {
  readonly panel = new FollowPanel();
  /** The metastasis followed, or null. */
  event: MetastasisEvent | null = null;
  stages: FollowStage[] = [];
  /** Stage shown, -1 before the first. */
  index = -1;
  /** The followed cell as last found (null when it could not be found at that stage). */
  cell: AgentDetails | null = null;
  private playing = false;
  private busy = false;
  private generation = 0;

  constructor(private readonly host: FollowHost) {
    this.panel.onGo = (k) => {
      this.playing = false;
      void this.go(k);
    };
    this.panel.onPlay = () => void this.play();
    this.panel.onClose = () => this.close();
  }

  /** Whether a follow is open. */
  get active(): boolean {
    return this.event !== null;
  }

  /** Starts following the founder of `ev`: restarts the run and goes to the first stage. */
  async start(ev: MetastasisEvent): Promise<void> {
    const layout = this.host.layout();
    if (!layout) return;
    const gen = ++this.generation;
    this.host.pause();
    this.event = ev;
    this.stages = followStages(ev, { cargo: this.host.cargo(), events: this.host.events(), layout });
    this.panel.start(`Following the cell that founded colony #${ev.data.colony} (lineage ${ev.data.lineage})`, this.stages);
    this.index = -1;
    await this.host.restart();
    if (gen === this.generation) await this.go(0);
  }

  /** Goes to stage k (replaying from tick 0 if it lies before the run's tick). */
  async go(k: number): Promise<void> {
    const ev = this.event;
    const stage = this.stages[k];
    if (!ev || !stage || this.busy) return;
    const gen = this.generation;
    this.busy = true;
    this.panel.show(k, true, 'Replaying…');
    try {
      if (stage.tick < this.host.tick()) await this.host.restart();
      await this.host.runTo(stage.tick);
      if (gen !== this.generation) return;
      this.index = k;
      this.cell = await this.find(ev, stage.tick);
      this.point(ev, stage);
    } finally {
      this.busy = false;
    }
    if (gen === this.generation) this.panel.show(k, false, this.where(stage));
  }

  /** Plays the remaining stages one after another (any jump stops it). */
  async play(): Promise<void> {
    this.playing = true;
    while (this.playing && this.index < this.stages.length - 1) {
      await this.go(this.index + 1);
      if (!this.playing) break;
      await new Promise((r) => setTimeout(r, PLAY_MS));
    }
    this.playing = false;
  }

  /** Stops following: clears the marks and fits the map. */
  close(): void {
    this.generation++;
    this.playing = false;
    this.event = null;
    this.cell = null;
    this.index = -1;
    this.panel.close();
    const map = this.host.map;
    map.highlight.select(null);
    map.setEmphasis(null);
    map.setPulsing(false);
    map.focus(0, 0, 1);
  }

  /**
   * The lineage cell whose recorded path matches the event's up to the state after `tick` ticks,
   * or null. A path tick k is recorded during tick k, so it shows from state k + 1 on.
   */
  private async find(ev: MetastasisEvent, tick: number): Promise<AgentDetails | null> {
    const d = ev.data;
    const cells = await this.host.api.lineageCells(d.lineage);
    const done = (k: number) => tick > k;
    const match = cells.filter((c) => {
      const col = c.columns;
      if (col.invadeTick !== d.invadedTick) return false;
      if (done(d.leftTick) && col.leftTick !== d.leftTick) return false;
      if (done(d.arrestedTick) && col.arrestTick !== d.arrestedTick) return false;
      if (done(d.extravasatedTick) && col.exitTick !== d.extravasatedTick) return false;
      if (done(d.foundedTick) && col.colony !== d.colony) return false;
      return true;
    });
    return match[0] ?? null;
  }

  private point(ev: MetastasisEvent, stage: FollowStage): void {
    const layout = this.host.layout();
    if (!layout) return;
    const map = this.host.map;
    const at = this.cell ?? (stage.tick > ev.data.foundedTick ? { x: ev.data.x, y: ev.data.y } : null);
    map.highlight.select(at);
    map.highlight.clearPulse();
    if (stage.id === 'blood') {
      const region = layout.regions.find((r) => r.name === ev.data.arrestedIn)?.id ?? -1;
      map.highlight.paths(routeTo(layout.vessels, region));
      if (at) map.highlight.ring(at.x, at.y);
      map.focus(0, 0, 1);
    } else {
      const organ = stage.id === 'invade' ? 'primary' : stage.id === 'intravasate' ? shedOrgan(ev.data) ?? 'primary' : stage.id === 'arrest' || stage.id === 'extravasate' || stage.id === 'dormant' ? ev.data.arrestedIn : ev.data.organ;
      const rect = regionRect(layout, organ);
      if (rect) map.highlight.region(rect);
      if (at) map.highlight.ring(at.x, at.y);
      const x = at?.x ?? (rect ? (rect.x0 + rect.x1) / 2 : 0);
      const y = at?.y ?? (rect ? (rect.y0 + rect.y1) / 2 : 0);
      // The panel sits on the left: keep the cell right of centre.
      map.focus(x, y, 2.6, 0.68);
    }
    map.setPulsing(true);
  }

  private where(stage: FollowStage): string {
    const layout = this.host.layout();
    const c = this.cell;
    const day = formatDay(stage.tick, layout?.tickHours ?? 1);
    if (!c) return `${day} · tick ${stage.tick} · the cell is not on the map at this tick (it passed through within the tick)`;
    const where = c.where === 'blood' ? 'in the blood' : `in the ${regionTitle(c.where).toLowerCase()}`;
    return `${day} · tick ${stage.tick} · cell #${c.id}, ${c.state}, ${where}${c.columns.colony >= 0 ? ` · colony #${c.columns.colony}` : ''}`;
  }
}
