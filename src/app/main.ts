import './styles.css';
import { App } from './app';
import { installDebugHook } from './debug-hook';
import { decodeSource, stateFromQuery, type ShareState } from './url-state';
import { DEFAULT_PRESET_ID } from './presets';

/** Shows a failure in the page itself, so a broken start is never a blank page. */
function fatal(root: HTMLElement, err: unknown): void {
  const box = document.createElement('div');
  box.className = 'fatal';
  box.textContent = `exocascade could not start: ${(err as Error)?.message ?? String(err)}`;
  root.prepend(box);
  console.error(err);
}

/** Opens a lecture shared as a link (`pl=`): loads it and presents its first moment. */
async function openLecture(app: App, param: string): Promise<void> {
  let text: string;
  try {
    text = await decodeSource(param);
  } catch {
    app.shell.notify('This link\'s lecture could not be decoded.', 'error');
    return;
  }
  if (app.playlist.loadText(text, 'The linked lecture')) {
    app.shell.show('lecture');
    await app.playlist.present(0);
  }
}

async function start(root: HTMLElement): Promise<void> {
  const app = new App();
  root.append(app.shell.root);
  let resolveReady!: () => void;
  installDebugHook(app, new Promise<void>((r) => (resolveReady = r)));
  try {
    await app.map.init(app.shell.mapHost);
  } catch (err) {
    app.shell.notify(`The map cannot be drawn (WebGL unavailable?): ${(err as Error).message}. Panels and charts still work.`, 'error');
  }
  let state: ShareState;
  try {
    state = await stateFromQuery(location.search);
  } catch {
    app.shell.notify('This link\'s scenario could not be decoded; showing the default scenario.', 'error');
    state = { preset: DEFAULT_PRESET_ID, source: null, seed: null, whatIfs: [], lesson: false };
  }
  const lecture = new URLSearchParams(location.search).get('pl');
  await app.loadFromLink(state);
  if (lecture) await openLecture(app, lecture);
  else app.guide.showIfFirstVisit();
  resolveReady();
}

const root = document.getElementById('app');
if (root) start(root).catch((err) => fatal(root, err));
