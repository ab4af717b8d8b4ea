import type { MetastasisEvent, SimEvent } from '../engine/events';
import { readFrame } from '../engine/frame';
import type { AdvanceResult, InitResult, WorldLayout } from '../protocol/engine-api';
import type { ScenarioIssue } from '../scenario/errors';
import { traceOf } from './cargo-trace';
import { CompareMode, type CompareRun } from './compare/compare-mode';
import { h } from './dom';
import { EngineClient, record } from './engine-client';
import { EnsembleDialog } from './ensemble/ensemble-dialog';
import { runExport } from './export-run';
import { FollowController } from './follow/follow-controller';
import { formatDay, formatSimTime } from './format';
import { GhostRun } from './ghost-run';
import { highlightEvent, regionRect } from './highlights';
import { Inspection } from './inspection';
import { loadFromLink, openLink, shareMoment } from './links';
import { LessonController } from './lesson/lesson-controller';
import { DEFAULT_PRESET_ID, PRESETS, presetById } from './presets';
import { MapView } from './render/map-view';
import { SeriesStore } from './series-store';
import { stateToQuery, type ShareState } from './url-state';
import { About } from './ui/about';
import { BloodTally } from './ui/blood-tally';
import { CargoPanel } from './ui/cargo-panel';
import { Charts } from './ui/charts';
import { Controls, type ControlHandlers } from './ui/controls';
import { EventLog } from './ui/event-log';
import { Guide } from './ui/guide';
import { HowSure } from './ui/how-sure';
import { Inspector } from './ui/inspector';
import { Interventions } from './ui/interventions';
import { Legend } from './ui/legend';
import { PlaylistPanel } from './ui/playlist-panel';
import { ScenarioEditor } from './ui/scenario-editor';
import { Shell } from './ui/shell';
import { StepCards } from './ui/step-cards';
import { TraceCard } from './ui/trace-card';
import { WhatIfSummary } from './ui/whatif-summary';

type InitOk = Extract<InitResult, { ok: true }>;

/** The scenario's seed in its text, or null. */
function seedInText(text: string): number | null {
  try {
    const s = (JSON.parse(text) as { seed?: unknown }).seed;
    return typeof s === 'number' ? s : null;
  } catch {
    return null;
  }
}

/**
 * The web app: owns the engine worker client, the map and every panel, and the shareable state
 * (scenario, seed, what-ifs, lesson, and a moment: tick and camera). Any change of scenario,
 * seed or what-if reloads the run from tick 0; a change that fails validation is reported and
 * the current run keeps going. Teaching features live in their own controllers: the lesson,
 * following a cell, the baseline ghost, "How sure?", cargo tracing and lecture playlists.
 */
export class App {
  readonly series = new SeriesStore();
  readonly map = new MapView();
  readonly client: EngineClient;
  readonly controls: Controls;
  readonly shell: Shell;
  readonly inspector = new Inspector();
  /** Lesson mode: the five steps in order, with predictions. */
  readonly lesson: LessonController;
  /** Follow a cell from its lineage to its colony. */
  readonly follow: FollowController;
  /** The baseline's ghost while what-ifs are in force. */
  readonly ghost: GhostRun;
  /** "How sure?" over ten seeds. */
  readonly howSure = new HowSure();
  readonly guide = new Guide();
  readonly trace = new TraceCard();
  readonly playlist: PlaylistPanel;
  readonly tally = new BloodTally();
  /** Says what the ghost is, over the map, while there is one. */
  private readonly ghostNote = h('div', { class: 'ghost-note', hidden: true }, h('i'), ' faint cells: the baseline, without your what-ifs');
  /** Compare mode: baseline and what-ifs side by side in two workers (header "Compare"). */
  readonly compare: CompareMode;
  /** The "Run ensemble" dialog. */
  readonly ensemble = new EnsembleDialog();
  /** Main-thread ms per frame: frame receipt (readFrame) + particle update, newest last. */
  readonly frameMs: number[] = [];
  state: ShareState = { preset: DEFAULT_PRESET_ID, source: null, seed: null, whatIfs: [], lesson: false };
  run: InitOk | null = null;
  layout: WorldLayout | null = null;
  scenarioText = '';
  readonly cards: StepCards;
  readonly events: EventLog;
  private readonly cargo: CargoPanel;
  private readonly interventions: Interventions;
  private readonly summary: WhatIfSummary;
  /** The Scenario tab's editor. */
  readonly editor: ScenarioEditor;
  private readonly charts = new Charts();
  private readonly legend: Legend;
  private readonly about: About;
  private readonly inspection: Inspection;
  private organs: string[] = [];
  private lastPanels = 0;
  private lastFollow = 0;
  /** A go-to jump is running (the lesson does not stop on its ticks). */
  private jumping = false;
  /** The run being loaded has what-ifs: its charts carry the baseline's ghost. */
  private ghostWanted = false;
  /** The "Run complete" notice while it is shown (one at most; a restart removes it). */
  private completeNotice: HTMLElement | null = null;

  constructor() {
    this.client = new EngineClient({
      onRun: (init, layout) => this.onRun(init, layout),
      onAdvance: (res) => this.onAdvance(res),
      onPlayState: (playing) => this.onPlayState(playing),
      onError: (err) => this.shell.notify(`The engine stopped with an error: ${(err as Error)?.message ?? String(err)}`, 'error'),
    });
    this.controls = new Controls(PRESETS, this.handlers());
    this.shell = new Shell(this.controls.el);
    this.cards = new StepCards(this.shell.steps, (step) => {
      this.shell.show('charts');
      this.charts.reveal(step);
    });
    const setWhatIfs = (w: string[]) => void this.changeWhatIfs(w);
    this.cargo = new CargoPanel(setWhatIfs);
    this.cargo.onTrace = (id) => this.traceCargo(id);
    this.interventions = new Interventions(setWhatIfs, () => this.client.runTicks, () => this.layout?.tickHours ?? 1);
    this.summary = new WhatIfSummary(setWhatIfs);
    this.editor = new ScenarioEditor(
      (text) => this.client.api.validate(text, 'editor', { seed: this.state.seed ?? undefined, whatIfs: this.state.whatIfs }),
      (text) => this.applySource(text),
    );
    this.events = new EventLog((e) => this.showEvent(e));
    this.events.onFollow = (e) => void this.followCell(e);
    this.inspector.onFollow = (e) => void this.followCell(e);
    this.legend = new Legend((kind, on) => {
      this.map.setKindVisible(kind, on);
      this.compare.setKindVisible(kind, on);
    }, (name) => {
      this.map.setField(name);
      this.compare.setField(name);
    });
    this.about = new About(() => void this.refreshHash(), () => this.guide.open());
    this.compare = new CompareMode({
      notify: (text, kind) => this.shell.notify(text, kind),
      setTick: (tick, runTicks, tickHours) => this.controls.setTick(tick, runTicks, tickHours),
      setPlaying: (playing) => this.controls.setPlaying(playing),
    });
    this.ghost = new GhostRun((f) => this.map.applyGhostFrame(f), () => this.charts.update(this.series, false, this.ghost.series));
    this.lesson = new LessonController({
      map: this.map, series: this.series, layout: () => this.layout, events: () => this.events.events, tick: () => this.client.tick,
      pause: () => this.client.pause(), play: () => this.client.play(), restart: async () => void (await this.load(this.state)),
      focusCard: (step) => this.cards.focus(step), ended: () => this.setLesson(false),
      follower: () => {
        const first = this.events.events.find((e): e is MetastasisEvent => e.type === 'metastasis');
        return first ? () => {
          this.lesson.dialog.close();
          this.setLesson(false);
          void this.followCell(first);
        } : null;
      },
    });
    this.follow = new FollowController({
      map: this.map, api: this.client.api, layout: () => this.layout, events: () => this.events.events, cargo: () => this.run?.cargo ?? [],
      tick: () => this.client.tick, pause: () => this.client.pause(), restart: async () => void (await this.load(this.state)),
      runTo: (t) => this.client.runTo(t),
    });
    this.playlist = new PlaylistPanel({
      moment: async () => ({ query: await stateToQuery(this.momentState()), title: `${this.run?.name ?? 'Run'} · ${formatDay(this.client.tick, this.layout?.tickHours ?? 1)}` }),
      open: (query) => this.openLink(query),
      notify: (text, kind, ...extra) => void this.shell.notify(text, kind, ...extra),
    });
    this.trace.onClose = () => this.clearTrace();
    this.guide.onLesson = () => this.setLesson(true);
    this.shell.root.append(this.compare.el, this.ensemble.el);
    this.ensemble.onStart = () => {
      this.client.pause();
      this.compare.pause();
    };
    for (const el of [this.legend.el, this.tally.el, this.ghostNote, this.inspector.el, this.lesson.dialog.el, this.follow.panel.el, this.trace.el, this.playlist.bar, this.guide.el]) this.shell.overlay(el);
    this.shell.setTabs([
      { id: 'whatif', title: 'What-if', content: h('div', {}, this.summary.el, this.howSure.el, h('h2', {}, 'Cargo'), this.cargo.el, h('h2', {}, 'Interventions'), this.interventions.el) },
      { id: 'charts', title: 'Charts', content: this.charts.el },
      { id: 'events', title: 'Events', content: this.events.el },
      { id: 'lecture', title: 'Lecture', content: this.playlist.el },
      { id: 'scenario', title: 'Scenario', content: this.editor.el },
      { id: 'about', title: 'About', content: this.about.el },
    ]);
    this.shell.onTab = (id) => {
      this.charts.visible = id === 'charts';
      this.events.visible = id === 'events';
      this.charts.update(this.series, true, this.ghost.active ? this.ghost.series : null);
      this.events.draw(true);
      if (id === 'about') void this.refreshHash();
    };
    this.inspection = new Inspection(this.client.api, this.map, this.inspector, () => this.layout, () => this.series.latestAll());
    this.shell.mapHost.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        const v = this.map.view();
        void this.inspection.at({ xUm: v.x, yUm: v.y, umPerPx: 3 / v.zoom });
      } else if (!this.map.key(e)) {
        return;
      }
      e.preventDefault();
    });
  }

  /**
   * Loads a state (scenario + seed + what-ifs). On success the run restarts at tick 0 and the
   * URL is updated; on failure the issues are returned and the previous run keeps going.
   */
  async load(next: ShareState): Promise<ScenarioIssue[]> {
    let preset = next.source === null ? presetById(next.preset ?? DEFAULT_PRESET_ID) : undefined;
    if (next.source === null && !preset) {
      this.shell.notify(`There is no preset "${next.preset}"; showing ${DEFAULT_PRESET_ID} instead.`, 'error');
      preset = presetById(DEFAULT_PRESET_ID) ?? PRESETS[0];
      next = { ...next, preset: preset.id };
    }
    const text = next.source ?? preset!.text;
    const file = preset ? preset.file : 'edited scenario';
    const wasGhost = this.ghostWanted;
    this.ghostWanted = next.whatIfs.length > 0;
    const res = await this.client.load(text, file, { seed: next.seed ?? undefined, whatIfs: next.whatIfs });
    if (!res.ok) {
      this.ghostWanted = wasGhost;
      return res.issues;
    }
    this.state = { ...next, preset: preset ? preset.id : null, seed: res.seed, tick: null, camera: null };
    this.run = res;
    this.scenarioText = text;
    this.editor.setText(text);
    this.controls.setRun(preset ? preset.id : null, res.seed);
    this.controls.setLesson(this.state.lesson);
    this.client.maxBatch = this.lesson.on ? 1 : 50;
    this.cargo.reset(res.cargo, this.state.whatIfs);
    this.interventions.reset(this.state.whatIfs);
    this.summary.reset(this.state.whatIfs);
    this.howSure.reset({ scenarioText: text, file: preset ? preset.file : null, whatIfs: [...this.state.whatIfs] });
    this.updateAbout(res.stateHash);
    if (this.state.whatIfs.length) void this.ghost.start({ scenarioText: text, file, seed: res.seed });
    else if (this.ghost.active) this.ghost.stop();
    await this.writeUrl();
    if (this.compare.active) void this.compare.start(this.compareRun());
    return [];
  }

  /** Loads a state from a link, falling back so the page is never empty, then its moment (links.ts). */
  loadFromLink(next: ShareState): Promise<void> {
    return loadFromLink(this, next);
  }

  /** Opens a link's query in this page (a lecture's moment): its run, tick and camera. */
  openLink(query: string): Promise<void> {
    return openLink(this, query);
  }

  /** Runs (paused) to `tick`, replaying from tick 0 when it lies before the current tick; resolves with the state hash there. */
  async goTo(tick: number): Promise<string> {
    const target = Math.max(0, Math.min(tick, this.client.runTicks));
    if (target < this.client.tick) await this.load(this.state);
    // A jump is not watched by the lesson: its next step opens at the next event after the jump.
    this.jumping = true;
    let hash: string;
    try {
      hash = await this.client.runTo(target);
    } finally {
      this.jumping = false;
    }
    this.updateAbout(hash, target);
    return hash;
  }

  /** The state with the moment on screen (tick and camera), as Share and lectures link it. */
  momentState(): ShareState {
    return { ...this.state, lesson: false, tick: this.client.tick, camera: this.map.view(), projector: document.documentElement.classList.contains('projector') };
  }

  private async changeWhatIfs(whatIfs: string[]): Promise<void> {
    const issues = await this.load({ ...this.state, whatIfs });
    if (issues.length === 0) return;
    this.summary.reset(this.state.whatIfs, issues.map((i) => `${i.path}: ${i.message}`));
    this.cargo.reset(this.run?.cargo ?? [], this.state.whatIfs);
    this.interventions.reset(this.state.whatIfs);
  }

  private async applySource(text: string): Promise<ScenarioIssue[]> {
    const preset = PRESETS.find((p) => p.text === text);
    // A seed typed into the JSON wins over the one from the header; otherwise keep the header's.
    const seed = seedInText(text) !== seedInText(this.scenarioText) ? null : this.state.seed;
    return this.load({ ...this.state, preset: preset?.id ?? null, source: preset ? null : text, seed });
  }

  /** What compare mode runs: this scenario and seed; arm B adds the chosen what-ifs. */
  compareRun(): CompareRun {
    const preset = this.state.source === null ? presetById(this.state.preset ?? '') : undefined;
    return { scenarioText: this.scenarioText, file: preset?.file ?? 'edited scenario', seed: this.run?.seed ?? 0, whatIfs: [...this.state.whatIfs] };
  }

  /** Turns compare mode on (pausing the single run) or off. */
  async setCompare(on: boolean): Promise<void> {
    if (on === this.compare.active) return;
    this.controls.setCompare(on);
    if (!on) {
      this.compare.exit();
      this.controls.setTick(this.client.tick, this.client.runTicks, this.layout?.tickHours ?? 1);
      this.controls.setPlaying(this.client.playing);
      return;
    }
    this.client.pause();
    this.lesson.dialog.close();
    this.inspector.close();
    try {
      if (await this.compare.enter(this.compareRun())) return;
    } catch (err) {
      this.shell.notify(`Compare mode cannot start: ${(err as Error)?.message ?? String(err)}`, 'error');
    }
    this.compare.exit();
    this.controls.setCompare(false);
  }

  /** Follows the founder cell of a metastasis from its invasion to its colony (replays the run). */
  async followCell(e: MetastasisEvent): Promise<void> {
    if (this.compare.active) await this.setCompare(false);
    this.clearTrace();
    this.inspector.close();
    await this.follow.start(e);
  }

  private traceCargo(id: string): void {
    const t = traceOf(id);
    const layout = this.layout;
    if (!t || !layout) return;
    this.map.setEmphasis(t.actsOn);
    const rects = t.organs.map((o) => regionRect(layout, o)).filter((r): r is NonNullable<typeof r> => r !== null);
    if (rects.length) this.map.highlight.regions(rects);
    else this.map.highlight.clearPulse();
    this.map.setPulsing(rects.length > 0);
    this.trace.show(t);
  }

  private clearTrace(): void {
    this.trace.el.hidden = true;
    this.map.setEmphasis(null);
    this.map.setPulsing(false);
  }

  private openEnsemble(): void {
    const run = this.run;
    if (!run) return;
    const preset = this.state.source === null ? presetById(this.state.preset ?? '') : undefined;
    this.ensemble.open({ scenarioText: this.scenarioText, file: preset?.file ?? null, name: run.name, ticks: run.ticks, whatIfs: [...this.state.whatIfs] });
  }

  private handlers(): ControlHandlers {
    // While compare mode is on, the transport drives its two arms instead of the single run.
    const single = this.singleHandlers();
    return {
      ...single,
      play: () => {
        if (!this.compare.active) return single.play();
        const pair = this.compare.current;
        if (pair && pair.tick >= pair.runTicks) void this.compare.start(this.compareRun()).then((ok) => ok && this.compare.play());
        else this.compare.play();
      },
      pause: () => (this.compare.active ? this.compare.pause() : single.pause()),
      step: () => (this.compare.active ? this.compare.step() : single.step()),
      reset: () => (this.compare.active ? void this.compare.start(this.compareRun()) : single.reset()),
      speed: (v) => {
        this.compare.setSpeed(v);
        single.speed(v);
      },
      compare: (on) => void this.setCompare(on),
      ensemble: () => this.openEnsemble(),
    };
  }

  private singleHandlers(): Omit<ControlHandlers, 'compare' | 'ensemble'> {
    return {
      preset: (id) => void this.load({ ...this.state, preset: id, source: null, seed: null, whatIfs: [] }),
      file: async (text, name) => {
        const issues = await this.load({ ...this.state, preset: null, source: text, seed: null, whatIfs: [] });
        if (issues.length === 0) return;
        this.shell.notify(`${name} was not loaded: fix the problems shown in the Scenario tab. The current run keeps going.`, 'error');
        this.editor.showExternal(text, issues);
        this.shell.show('scenario');
      },
      seed: (seed) => void this.load({ ...this.state, seed }),
      play: async () => {
        // Play at the end of a run replays it from the start.
        if (this.client.tick >= this.client.runTicks && (await this.load(this.state)).length > 0) return;
        this.client.play();
      },
      pause: () => this.client.pause(),
      step: () => void this.client.stepBy(1),
      reset: () => void this.load(this.state),
      speed: (v) => (this.client.speed = v),
      lesson: (on) => this.setLesson(on),
      share: () => void shareMoment(this),
      exportAs: (kind) => void runExport(this, kind),
      goTo: (tick) => void this.goTo(tick),
      projector: (on) => this.setProjector(on),
      guide: () => this.guide.open(),
    };
  }

  /** Turns lesson mode on (offering a restart mid-run) or off. */
  setLesson(on: boolean): void {
    this.state = { ...this.state, lesson: on };
    this.client.maxBatch = on ? 1 : 50;
    this.controls.setLesson(on);
    if (on && !this.lesson.on) {
      this.follow.close();
      this.clearTrace();
      this.lesson.start();
      if (this.client.tick === 0) this.shell.notify('Lesson: press Play. The run stops as each of the five steps happens, in order, and asks what you expect next.');
    } else if (!on && this.lesson.on) {
      this.lesson.stop();
    }
    void this.writeUrl();
  }

  /** Projector mode: large type and high contrast for a lecture hall. */
  setProjector(on: boolean): void {
    document.documentElement.classList.toggle('projector', on);
    this.controls.setProjector(on);
    this.state = { ...this.state, projector: on };
    void this.writeUrl();
  }

  private async writeUrl(): Promise<void> {
    const q = await stateToQuery({ ...this.state, tick: null, camera: null });
    history.replaceState(null, '', `${location.pathname}${q}`);
  }

  private onRun(init: InitOk, layout: WorldLayout): void {
    this.layout = layout;
    this.completeNotice?.remove();
    this.completeNotice = null;
    const names = layout.metrics.map((m) => m.name);
    this.organs = layout.regions.filter((r) => r.id > 0).map((r) => r.name);
    this.series.reset(names);
    this.map.setLayout(layout);
    if (!this.follow.active) this.map.setPulsing(false);
    this.legend.reset(layout);
    this.cards.reset(names, this.organs, init.cargo);
    this.lesson.onRun(names, this.organs);
    this.charts.reset(names, this.organs, init.tickHours, this.ghostWanted);
    this.ghostNote.hidden = !this.ghostWanted;
    this.events.reset(init.tickHours);
    this.inspector.close();
    this.controls.setTick(0, init.ticks, init.tickHours);
  }

  private onAdvance(res: AdvanceResult): void {
    const layout = this.layout!;
    const t0 = performance.now();
    this.map.applyFrame(readFrame(res.frame, layout.fieldSizes));
    record(this.frameMs, performance.now() - t0);
    const known = this.series.length - 1;
    this.series.push(res.firstTick, res.metrics);
    this.events.add(res.events);
    // Bursts for the kills of the last few ticks only: a jump of many ticks would light up the whole body.
    this.map.addKills(res.events.filter((e) => e.tick > res.tick - 3));
    if (this.ghostWanted) this.ghost.syncTo(res.tick);
    if (!this.jumping) this.lesson.onAdvance(known, res.tick, this.client.runTicks);
    if (!this.compare.active) this.controls.setTick(res.tick, this.client.runTicks, layout.tickHours);
    const now = performance.now();
    const paused = !this.client.playing;
    if (paused || now - this.lastPanels > 120) {
      this.lastPanels = now;
      this.cards.update(this.series);
      this.tally.update(this.series, this.organs);
      this.charts.update(this.series, paused, this.ghost.active ? this.ghost.series : null);
      this.events.draw(paused);
    }
    if (this.inspector.current && (paused || now - this.lastFollow > 400)) {
      this.lastFollow = now;
      void this.inspection.follow();
    }
    if (res.tick >= this.client.runTicks && known < this.client.runTicks) {
      this.completeNotice?.remove();
      this.completeNotice = this.shell.notify(`Run complete: ${res.tick} ticks (${formatSimTime(res.tick, layout.tickHours)}).`);
    }
  }

  private onPlayState(playing: boolean): void {
    this.controls.setPlaying(playing);
    if (!playing) {
      this.cards.update(this.series);
      this.tally.update(this.series, this.organs);
      this.charts.update(this.series, true, this.ghost.active ? this.ghost.series : null);
      this.events.draw(true);
      if (this.shell.current === 'about') void this.refreshHash();
    }
  }

  private async refreshHash(): Promise<void> {
    // Posted back to back, so no advance can run between the two: the hash belongs to the tick.
    const [tick, hash] = await Promise.all([this.client.api.tick(), this.client.api.stateHash()]);
    this.updateAbout(hash, tick);
  }

  /** Shows the run's identity in About (the state hash at `tick`). */
  updateAbout(stateHash: string | null, tick = this.client.tick): void {
    const run = this.run;
    if (!run) return;
    const preset = this.state.source === null ? presetById(this.state.preset ?? '') : undefined;
    this.about.update({
      scenarioFile: preset?.file ?? null, scenarioName: run.name, scenarioHash: run.scenarioHash, seed: run.seed,
      whatIfs: run.whatIfs, tick, stateHash,
    }, this.client.runTicks);
  }

  private showEvent(e: SimEvent): void {
    if (this.layout) highlightEvent(this.map, this.layout, e);
  }
}
