import type { ScenarioIssue } from '../../scenario/errors';
import { debounce, h, replaceChildren } from '../dom';
import { jsonSyntaxError, locatePointer, type TextSpot } from '../../scenario/json-text';

/** An issue placed in the text (spot null when the path cannot be found, e.g. a CLI what-if). */
interface PlacedIssue extends ScenarioIssue {
  spot: TextSpot | null;
}

function place(text: string, issues: readonly ScenarioIssue[]): PlacedIssue[] {
  return issues.map((i) => ({
    ...i,
    spot: i.path === '' ? jsonSyntaxError(text) ?? locatePointer(text, '') : i.path.startsWith('/') ? locatePointer(text, i.path) : null,
  }));
}

/**
 * The scenario as editable JSON. It validates while you type (in the worker, without touching
 * the run) and marks each problem at its path: the line is tinted, the key or value underlined
 * and the message written at the end of the line. Apply loads it; a scenario that fails leaves
 * the current run playing.
 */
export class ScenarioEditor {
  readonly el = h('div', { class: 'scenario-editor' });
  private readonly textarea = h('textarea', { spellcheck: 'false', 'aria-label': 'Scenario JSON', wrap: 'off' });
  private readonly mirror = h('pre', { class: 'editor-mirror', 'aria-hidden': 'true' });
  private readonly status = h('div', { class: 'editor-status' });
  private readonly list = h('ul', { class: 'issue-list' });
  private readonly applyButton = h('button', { class: 'primary', title: 'Ctrl+Enter' }, 'Apply & restart');
  private original = '';
  private generation = 0;
  /** Apply was pressed since the last keystroke: its answer stands over a live check's. */
  private appliedSinceEdit = false;

  constructor(
    private readonly validate: (text: string) => Promise<ScenarioIssue[]>,
    private readonly apply: (text: string) => Promise<ScenarioIssue[]>,
  ) {
    const check = debounce(() => void this.check(), 350);
    this.textarea.addEventListener('input', () => {
      this.appliedSinceEdit = false;
      this.renderMirror([]);
      check();
    });
    this.textarea.addEventListener('scroll', () => {
      this.mirror.scrollTop = this.textarea.scrollTop;
      this.mirror.scrollLeft = this.textarea.scrollLeft;
    });
    this.textarea.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void this.submit();
    });
    this.applyButton.addEventListener('click', () => void this.submit());
    this.el.append(
      h('p', { class: 'muted small' }, 'Edit the scenario as JSON (the schema lists every key, unit and range). Problems are marked where they are; the current run keeps going until you apply a valid scenario.'),
      h('div', { class: 'editor-box' }, this.mirror, this.textarea),
      h('div', { class: 'row' }, this.applyButton, h('button', { onclick: () => this.setText(this.original) }, 'Revert'), this.status),
      this.list,
    );
  }

  /** Shows the text of the scenario now running (and remembers it for Revert). */
  setText(text: string): void {
    this.original = text;
    this.textarea.value = text;
    this.showIssues([], 'ok');
  }

  /** The text in the editor. */
  get text(): string {
    return this.textarea.value;
  }

  /** Shows issues found elsewhere (a failed load from a link or a file). */
  showExternal(text: string, issues: readonly ScenarioIssue[]): void {
    this.textarea.value = text;
    this.showIssues(issues, 'failed');
  }

  private async check(): Promise<void> {
    // A live check still pending when Apply was pressed would otherwise replace Apply's answer
    // ("not applied") with its own ("1 problem") for the very same text.
    if (this.appliedSinceEdit) return;
    const gen = ++this.generation;
    const issues = await this.validate(this.textarea.value);
    if (gen === this.generation) this.showIssues(issues, 'checked');
  }

  private async submit(): Promise<void> {
    this.appliedSinceEdit = true;
    const gen = ++this.generation;
    this.applyButton.disabled = true;
    try {
      const issues = await this.apply(this.textarea.value);
      if (gen !== this.generation) return;
      if (issues.length === 0) this.original = this.textarea.value;
      this.showIssues(issues, issues.length ? 'failed' : 'applied');
    } finally {
      this.applyButton.disabled = false;
    }
  }

  private showIssues(issues: readonly ScenarioIssue[], when: 'ok' | 'checked' | 'failed' | 'applied'): void {
    const placed = place(this.textarea.value, issues);
    this.renderMirror(placed);
    this.el.classList.toggle('has-errors', placed.length > 0);
    const n = placed.length;
    this.status.className = `editor-status ${n ? 'bad' : 'good'}`;
    this.status.textContent = n
      ? `${n} problem${n > 1 ? 's' : ''}${when === 'failed' ? ' — not applied; the current run keeps going' : ''}`
      : when === 'applied' ? '✓ applied: the run restarted with it' : when === 'checked' ? '✓ valid — apply to restart the run with it' : '';
    replaceChildren(this.list, ...placed.map((i) => h('li', { class: 'issue', 'data-path': i.path },
      h('button', { class: 'link', onclick: () => this.reveal(i.spot) },
        h('code', {}, i.path || '(whole file)'), i.spot ? ` line ${i.spot.line}` : ''), ' ', i.message)));
  }

  private reveal(spot: TextSpot | null): void {
    if (!spot) return;
    this.textarea.focus();
    this.textarea.setSelectionRange(spot.offset, spot.offset + spot.length);
    const lineHeight = parseFloat(getComputedStyle(this.textarea).lineHeight) || 16;
    this.textarea.scrollTop = Math.max(0, (spot.line - 4) * lineHeight);
  }

  private renderMirror(placed: readonly PlacedIssue[]): void {
    const text = this.textarea.value;
    const byLine = new Map<number, PlacedIssue>();
    for (const i of placed) if (i.spot && !byLine.has(i.spot.line)) byLine.set(i.spot.line, i);
    let offset = 0;
    const lines = text.split('\n').map((line, k) => {
      const start = offset;
      offset += line.length + 1;
      const issue = byLine.get(k + 1);
      if (!issue?.spot) return h('span', { class: 'ln' }, line || ' ');
      const a = Math.max(0, issue.spot.offset - start);
      const b = Math.min(line.length, a + issue.spot.length);
      return h('span', { class: 'ln err', 'data-msg': `⚠ ${issue.message}` },
        line.slice(0, a), h('mark', {}, line.slice(a, b) || ' '), line.slice(b) || ' ');
    });
    replaceChildren(this.mirror, ...lines);
    this.mirror.scrollTop = this.textarea.scrollTop;
  }
}
