import { MAX_ISSUES_SHOWN, type ScenarioIssue } from './errors';

// Limits on what a scenario (or any JSON input) may be, checked before anything walks it: a
// file nesting 6,000 levels deep, a megabyte string or a million-item array is refused at once
// with the limit it broke, instead of exhausting the stack, the suggestion search or the
// terminal. Linear in the input and iterative, so a pathological file is answered within a second.

/** Limits on JSON input. */
export interface JsonLimits {
  /** Characters of the text. */
  maxChars: number;
  /** Nesting of objects and arrays. */
  maxDepth: number;
  /** Characters of one string (a key or a value). */
  maxString: number;
  /** Items of one array, members of one object. */
  maxItems: number;
}

/** The limits of a scenario file (a shipped preset is ~2 KB, 3 levels deep). */
export const SCENARIO_LIMITS: JsonLimits = { maxChars: 1024 * 1024, maxDepth: 32, maxString: 4096, maxItems: 10_000 };

/** The text without a leading UTF-8 byte-order mark (editors on Windows write one). */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Problems with the size or nesting of JSON text, found in one pass without parsing: the text
 * length, then the deepest nesting (strings skipped, escapes honoured). Empty when within limits.
 */
export function textLimitIssues(text: string, limits: JsonLimits): ScenarioIssue[] {
  if (text.length > limits.maxChars) {
    return [{ path: '', message: `the file has ${text.length} characters; the limit is ${limits.maxChars}` }];
  }
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limits.maxDepth) {
        return [{ path: '', message: `nesting deeper than ${limits.maxDepth} levels (at character ${i + 1}); the limit is ${limits.maxDepth}` }];
      }
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return [];
}

/**
 * Problems with strings and arrays of a parsed value, with their JSON pointers: a string or a
 * key longer than maxString, an array or object with more than maxItems entries. Iterative (no
 * recursion); stops after MAX_ISSUES_SHOWN problems.
 */
export function valueLimitIssues(data: unknown, limits: JsonLimits): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  // [value, path, depth, length of a key over the limit (reported in document order)].
  const stack: Array<[unknown, string, number, number?]> = [[data, '', 0]];
  const long = (s: string) => `a string of ${s.length} characters; the limit is ${limits.maxString}`;
  while (stack.length && issues.length < MAX_ISSUES_SHOWN) {
    const [v, path, depth, longKey] = stack.pop()!;
    if (longKey !== undefined) {
      issues.push({ path, message: `a key of ${longKey} characters; the limit is ${limits.maxString}` });
      continue;
    }
    if (depth > limits.maxDepth) {
      issues.push({ path, message: `nesting deeper than ${limits.maxDepth} levels; the limit is ${limits.maxDepth}` });
      continue;
    }
    if (typeof v === 'string') {
      if (v.length > limits.maxString) issues.push({ path, message: long(v) });
    } else if (Array.isArray(v)) {
      if (v.length > limits.maxItems) issues.push({ path, message: `an array of ${v.length} items; the limit is ${limits.maxItems}` });
      else for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${path}/${i}`, depth + 1]);
    } else if (v !== null && typeof v === 'object') {
      const keys = Object.keys(v);
      if (keys.length > limits.maxItems) {
        issues.push({ path, message: `an object of ${keys.length} members; the limit is ${limits.maxItems}` });
        continue;
      }
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i];
        const at = `${path}/${key.length > limits.maxString ? `${key.slice(0, 40)}…` : key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
        stack.push(key.length > limits.maxString ? [null, at, depth + 1, key.length] : [(v as Record<string, unknown>)[key], at, depth + 1]);
      }
    }
  }
  return issues;
}
