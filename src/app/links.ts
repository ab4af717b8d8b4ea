import type { App } from './app';
import { h } from './dom';
import { formatDay } from './format';
import { DEFAULT_PRESET_ID, presetById } from './presets';
import { stateFromQuery, stateToQuery, type ShareState } from './url-state';

// Links into the page: opening a shared link (its scenario, seed and what-ifs, then its moment —
// tick and camera), opening a lecture's moment in place, and sharing the moment on screen.

/** Runs to a link's tick and sets its camera (and lesson mode) once its run has loaded. */
async function applyMoment(app: App, next: ShareState): Promise<void> {
  // A lesson starts at the beginning: a lesson link's tick is not jumped to.
  if (!next.lesson && next.tick !== null && next.tick !== undefined && next.tick > 0) await app.goTo(next.tick);
  if (next.camera) app.map.focus(next.camera.x, next.camera.y, next.camera.zoom);
  if (next.lesson && !app.lesson.on) app.setLesson(true);
}

/** Splits what-ifs into those the scenario accepts one after another and those it refuses (with why). */
async function checkWhatIfs(app: App, next: ShareState): Promise<{ kept: string[]; dropped: Array<{ whatIf: string; message: string }> }> {
  const text = next.source ?? presetById(next.preset ?? DEFAULT_PRESET_ID)?.text ?? '';
  const kept: string[] = [];
  const dropped: Array<{ whatIf: string; message: string }> = [];
  for (const w of next.whatIfs) {
    const issues = await app.client.api.validate(text, 'link', { seed: next.seed ?? undefined, whatIfs: [...kept, w] });
    if (issues.length === 0) kept.push(w);
    else dropped.push({ whatIf: w, message: issues.map((i) => i.message).join('; ') });
  }
  return { kept, dropped };
}

/**
 * Loads a state from a link; when it fails, explains why and falls back so the page is never
 * empty: bad what-ifs are dropped one by one and named, a bad scenario shows its problems in the
 * Scenario tab over the default. The link's moment is applied once the run has loaded.
 */
export async function loadFromLink(app: App, next: ShareState): Promise<void> {
  app.setProjector(next.projector === true);
  if (next.lesson) app.lesson.on = true;
  const issues = await app.load(next);
  if (issues.length === 0) {
    await applyMoment(app, next);
    return;
  }
  const whatIfProblems = issues.filter((i) => i.path.startsWith('--what-if'));
  if (whatIfProblems.length === issues.length) {
    const { kept, dropped } = await checkWhatIfs(app, next);
    app.shell.notify(`This link's ${dropped.length === 1 ? 'what-if' : 'what-ifs'} ${dropped.map((d) => `${d.whatIf} (${d.message})`).join('; ')} ${dropped.length === 1 ? 'was' : 'were'} dropped${kept.length ? `; kept ${kept.join(', ')}` : ''}.`, 'error');
    if ((await app.load({ ...next, whatIfs: kept })).length === 0) {
      await applyMoment(app, next);
      return;
    }
  }
  const text = next.source ?? presetById(next.preset ?? '')?.text ?? '';
  app.shell.notify('The linked scenario has problems (see the Scenario tab); showing the default scenario meanwhile.', 'error');
  await app.load({ preset: DEFAULT_PRESET_ID, source: null, seed: null, whatIfs: [], lesson: next.lesson });
  app.editor.showExternal(text, issues);
  app.shell.show('scenario');
}

/** Opens a link's query in the page (a lecture's moment): reloads only when its run differs. */
export async function openLink(app: App, query: string): Promise<void> {
  const next = await stateFromQuery(query);
  const same = next.preset === app.state.preset && next.source === app.state.source && next.seed === app.run?.seed
    && next.whatIfs.join('\n') === app.state.whatIfs.join('\n');
  if (!same) await loadFromLink(app, { ...next, lesson: false });
  else await applyMoment(app, next);
}

/** Offers a link to the moment on screen (copied when the browser allows). */
export async function shareMoment(app: App): Promise<void> {
  const url = `${location.origin}${location.pathname}${await stateToQuery(app.momentState())}`;
  const field = h('input', { class: 'share-url', value: url, readonly: true, onclick: (e: Event) => (e.target as HTMLInputElement).select() });
  let copied = false;
  try {
    await navigator.clipboard.writeText(url);
    copied = true;
  } catch {
    // Clipboard access can be refused (no focus, no permission): the field lets the user copy.
  }
  const when = `${formatDay(app.client.tick, app.layout?.tickHours ?? 1)} (tick ${app.client.tick})`;
  app.shell.notify(copied ? `Link copied. It opens this run at ${when}, in this view:` : `Copy this link; it opens this run at ${when}, in this view:`, 'info', field);
}
