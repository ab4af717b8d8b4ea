/** Attributes for `h`: properties (class, text, title…), `on*` listeners, `data-*` and plain attributes. */
export type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;
/** A child of `h`: a node, text, or nothing. */
export type Child = Node | string | number | null | undefined | false;

/**
 * Creates an element: `h('button', { class: 'primary', onclick: fn }, 'Play')`. Kept tiny on
 * purpose: the panels are plain DOM that is built once and updated in place.
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = String(value);
    else if (key === 'text') el.textContent = String(value);
    else if (key === 'value' && 'value' in el) (el as HTMLInputElement).value = String(value);
    else if (key === 'checked' && 'checked' in el) (el as HTMLInputElement).checked = Boolean(value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, ...children);
  return el;
}

/** Appends children, skipping empty ones. */
export function append(el: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** Replaces all children of `el`. */
export function replaceChildren(el: Element, ...children: Child[]): void {
  el.textContent = '';
  append(el, ...children);
}

/** Sets text only when it changed (cheap to call every frame). */
export function setText(el: Element, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

/** Calls `fn` at most once per `ms`, with the latest arguments, trailing. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): (...args: A) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...args: A) => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      fn(...args);
    }, ms);
  };
}

/** Offers `data` to the user as a download named `filename`. */
export function download(filename: string, data: Blob | string, type = 'text/plain'): void {
  const blob = typeof data === 'string' ? new Blob([data], { type }) : data;
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: filename });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 5000);
}

/** Data attributes that identify a control across rebuilds (see keepFocus). */
const FOCUS_KEYS = ['dose', 'cargo', 'knockin', 'intervention', 'whatif', 'trace', 'field', 'kind', 'focusKey'];

/**
 * Runs `rebuild` (which replaces elements inside `root`) and, when focus was on a control inside
 * `root`, puts it back on the control with the same identifying data attribute, so a keyboard
 * user stays where they were after a panel redraws.
 */
export function keepFocus(root: HTMLElement, rebuild: () => void): void {
  const active = document.activeElement as HTMLElement | null;
  const key = active && root.contains(active) ? FOCUS_KEYS.find((k) => active.dataset[k] !== undefined) : undefined;
  const value = key ? active!.dataset[key]! : '';
  rebuild();
  if (!key) return;
  const attr = key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  const again = root.querySelector<HTMLElement>(`[data-${attr}="${CSS.escape(value)}"]`);
  again?.focus();
}
