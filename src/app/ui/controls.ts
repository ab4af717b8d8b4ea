import { h, setText } from '../dom';
import { formatDay, formatSimTime } from '../format';
import type { Preset } from '../presets';

/** What the header's controls ask the app to do. */
export interface ControlHandlers {
  preset(id: string): void;
  file(text: string, name: string): void;
  seed(seed: number): void;
  play(): void;
  pause(): void;
  step(): void;
  reset(): void;
  speed(ticksPerSecond: number): void;
  lesson(on: boolean): void;
  share(): void;
  exportAs(kind: 'csv' | 'json' | 'png' | 'scenario'): void;
  /** Turns compare mode (baseline and what-ifs side by side) on or off. */
  compare(on: boolean): void;
  /** Opens the "run ensemble" dialog. */
  ensemble(): void;
  /** Runs (or replays) to a tick and pauses there. */
  goTo(tick: number): void;
  /** Turns projector mode (large type, high contrast) on or off. */
  projector(on: boolean): void;
  /** Opens "how to read this page". */
  guide(): void;
}

/** A go-to entry as a tick: "137" is a tick, "d12" or "day 12.5" a day (nearest tick); null if neither. */
export function parseGoTo(text: string, tickHours: number): number | null {
  const t = text.trim().toLowerCase();
  if (/^\d+$/.test(t)) return Number(t);
  const m = t.match(/^d(?:ay)?\s*(\d+(?:\.\d+)?)$/);
  return m ? Math.round((Number(m[1]) * 24) / tickHours) : null;
}

/** Value of the scenario picker's "open a file" entry. */
const OPEN_FILE = '__open_file__';

/** Playback speeds offered, ticks per second (Infinity = as fast as the worker runs). */
export const SPEEDS: ReadonlyArray<[string, number]> = [['1×', 5], ['2×', 10], ['4×', 20], ['8×', 40], ['16×', 80], ['max', Infinity]];

/**
 * The header: scenario picker and file loader, seed, play/pause/step/reset and speed, lesson
 * mode, share and export, and the run's status (tick, simulated time, progress).
 */
export class Controls {
  readonly el: HTMLElement;
  private readonly presetSelect: HTMLSelectElement;
  private readonly seedInput = h('input', { type: 'number', min: 0, max: 4294967295, step: 1, class: 'seed-input', 'aria-label': 'Seed', title: 'Seed: the same scenario and seed always give the same run' });
  private readonly playButton = h('button', { class: 'primary play', title: 'Play / pause (space)', 'aria-label': 'Play' }, '▶ Play');
  private readonly dayText = h('span', { class: 'day', 'data-testid': 'day' }, 'day 0.0');
  private readonly tickText = h('span', { class: 'tick muted small', 'data-testid': 'tick' }, 'tick 0');
  private readonly goInput = h('input', { type: 'text', class: 'goto-input', 'aria-label': 'Go to tick or day', placeholder: 'tick or d12', title: 'Go to a tick (137) or a day (d12, day 12.5): the run replays to it and pauses there' });
  private readonly projectorButton = h('button', { 'aria-pressed': 'false', title: 'Projector mode: large type, high contrast' }, 'Projector');
  private tickHours = 1;
  private readonly progress = h('progress', { max: 1, value: 0 });
  private readonly lessonBox = h('input', { type: 'checkbox', 'aria-label': 'Lesson mode' });
  private readonly compareButton = h('button', { class: 'compare-toggle', 'aria-pressed': 'false', title: 'Run the baseline and your what-ifs side by side, same seed, in lockstep' }, 'Compare');
  private playing = false;
  private comparing = false;
  private shownPreset = '';

  constructor(presets: readonly Preset[], on: ControlHandlers) {
    this.presetSelect = h('select', { 'aria-label': 'Scenario', title: 'Scenario presets (scenarios/*.json), or open a file' },
      ...presets.map((p) => h('option', { value: p.id, title: p.description }, p.name)),
      h('option', { value: '', disabled: true }, 'edited scenario'),
      h('option', { value: OPEN_FILE }, 'Open a file…'));
    this.presetSelect.addEventListener('change', () => {
      const v = this.presetSelect.value;
      if (v === OPEN_FILE) {
        this.presetSelect.value = this.shownPreset;
        fileInput.click();
      } else if (v) on.preset(v);
    });
    const fileInput = h('input', { type: 'file', accept: '.json,application/json', hidden: true });
    fileInput.addEventListener('change', async () => {
      const f = fileInput.files?.[0];
      if (f) on.file(await f.text(), f.name);
      fileInput.value = '';
    });
    this.seedInput.addEventListener('change', () => {
      const v = Number(this.seedInput.value);
      if (Number.isInteger(v) && v >= 0) on.seed(v);
    });
    this.playButton.addEventListener('click', () => (this.playing ? on.pause() : on.play()));
    const speed = h('select', { 'aria-label': 'Speed', title: 'Ticks per second' }, ...SPEEDS.map(([label, v]) => h('option', { value: String(v), selected: v === 20 }, label)));
    speed.addEventListener('change', () => on.speed(Number(speed.value)));
    this.lessonBox.addEventListener('change', () => on.lesson(this.lessonBox.checked));
    const go = () => {
      const t = parseGoTo(this.goInput.value, this.tickHours);
      this.goInput.setCustomValidity(t === null ? 'a tick (137) or a day (d12)' : '');
      if (t === null) {
        this.goInput.reportValidity();
        return;
      }
      on.goTo(t);
    };
    this.goInput.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') go();
    });
    this.projectorButton.addEventListener('click', () => on.projector(this.projectorButton.getAttribute('aria-pressed') !== 'true'));
    this.compareButton.addEventListener('click', () => on.compare(!this.comparing));
    const exportMenu = h('select', { 'aria-label': 'Export', class: 'export' },
      h('option', { value: '' }, 'Export…'), h('option', { value: 'csv', title: 'tidy long: tick,metric,value' }, 'Metrics CSV'),
      h('option', { value: 'json', title: 'metrics by name, events, run identity' }, 'Metrics JSON'), h('option', { value: 'png' }, 'Map PNG'),
      h('option', { value: 'scenario' }, 'Scenario JSON'));
    exportMenu.addEventListener('change', () => {
      const v = exportMenu.value as 'csv' | 'json' | 'png' | 'scenario' | '';
      exportMenu.value = '';
      if (v) on.exportAs(v);
    });
    this.el = h('header', { class: 'controls' },
      h('div', { class: 'brand', title: 'tumour-derived exosomes and the metastatic cascade' }, h('strong', {}, 'exocascade')),
      h('div', { class: 'group' }, this.presetSelect, fileInput),
      h('label', { class: 'group' }, 'seed ', this.seedInput,
        h('button', { class: 'small', title: 'A new random seed', 'aria-label': 'Random seed', onclick: () => on.seed(Math.floor(Math.random() * 1e6)) }, 'new')),
      h('div', { class: 'group transport' },
        h('button', { onclick: () => on.reset(), title: 'Restart from tick 0 (same seed)', 'aria-label': 'Reset' }, 'Reset'),
        this.playButton,
        h('button', { onclick: () => on.step(), title: 'Advance one tick', 'aria-label': 'Step' }, 'Step ›'), speed),
      h('div', { class: 'group status', 'aria-live': 'off' }, this.dayText, this.tickText, this.progress),
      h('div', { class: 'group goto' }, this.goInput, h('button', { class: 'small', onclick: go, 'aria-label': 'Go' }, 'Go')),
      h('label', { class: 'group lesson-toggle', title: 'Walk through the five steps in order, predicting each before it is explained' }, this.lessonBox, ' Lesson'),
      h('div', { class: 'group' }, h('button', { onclick: () => on.share(), title: 'Copy a link to this moment: the run, the day and the view' }, 'Share'), exportMenu),
      h('div', { class: 'group' }, this.compareButton,
        h('button', { onclick: () => on.ensemble(), title: 'Run ensemble: baseline and what-ifs over many seeds, with the experiment report', 'aria-label': 'Run ensemble' }, 'Ensemble')),
      h('div', { class: 'group' }, this.projectorButton,
        h('button', { class: 'guide-button', onclick: () => on.guide(), 'aria-label': 'How to read this page', title: 'How to read this page' }, '?')),
    );
    document.addEventListener('keydown', (e) => {
      const t = e.target as HTMLElement;
      if (e.key !== ' ' || ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON'].includes(t.tagName)) return;
      e.preventDefault();
      if (this.playing) on.pause();
      else on.play();
    });
  }

  /** Shows the scenario (preset id, or null for an edited one) and the seed in force. */
  setRun(presetId: string | null, seed: number): void {
    this.shownPreset = presetId ?? '';
    this.presetSelect.value = this.shownPreset;
    this.seedInput.value = String(seed);
  }

  /** Shows play or pause. */
  setPlaying(playing: boolean): void {
    this.playing = playing;
    this.playButton.textContent = playing ? '❚❚ Pause' : '▶ Play';
    this.playButton.setAttribute('aria-label', playing ? 'Pause' : 'Play');
  }

  /** Shows compare mode on or off. */
  setCompare(on: boolean): void {
    this.comparing = on;
    this.compareButton.setAttribute('aria-pressed', String(on));
    this.compareButton.classList.toggle('on', on);
  }

  /** Shows lesson mode on or off. */
  setLesson(on: boolean): void {
    this.lessonBox.checked = on;
  }

  /** Shows projector mode on or off. */
  setProjector(on: boolean): void {
    this.projectorButton.setAttribute('aria-pressed', String(on));
    this.projectorButton.classList.toggle('on', on);
  }

  /** Shows progress through the run. */
  setTick(tick: number, runTicks: number, tickHours: number): void {
    this.tickHours = tickHours;
    setText(this.dayText, formatDay(tick, tickHours));
    setText(this.tickText, `tick ${tick} / ${runTicks}`);
    this.tickText.title = formatSimTime(tick, tickHours);
    this.progress.max = Math.max(1, runTicks);
    this.progress.value = tick;
  }
}
