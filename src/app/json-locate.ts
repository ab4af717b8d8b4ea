/** Where something is in a text: 0-based offset, 1-based line and column, and its length. */
export interface TextSpot {
  offset: number;
  length: number;
  line: number;
  column: number;
}

/** 1-based line and column of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function spot(text: string, offset: number, length: number): TextSpot {
  return { offset, length, ...lineColumn(text, offset) };
}

/**
 * Finds what a JSON pointer (RFC 6901, as the scenario validator reports it) points at in JSON
 * text: the key of an object member (so an unknown key is underlined where it is written), or
 * the value of an array item. Tolerates text after a syntax error by giving up: returns the
 * deepest spot found, or null.
 */
export function locatePointer(text: string, pointer: string): TextSpot | null {
  const parts = pointer === '' ? [] : pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  const skipString = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return text.slice(start + 1, i - 1);
    }
  };
  // Skips any value, nested containers included.
  const skipValue = (): void => {
    ws();
    const c = text[i];
    if (c === '"') return void skipString();
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) return void i++;
      while (i < text.length) {
        ws();
        if (c === '{') {
          skipString();
          ws();
          i++; // ':'
        }
        skipValue();
        ws();
        if (text[i] === ',') i++;
        else {
          i++;
          return;
        }
      }
      return;
    }
    while (i < text.length && !/[,}\]\s]/.test(text[i])) i++;
  };

  ws();
  let found = spot(text, i, 1);
  for (const part of parts) {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      let hit = false;
      while (i < text.length) {
        ws();
        if (text[i] === '}') break;
        if (text[i] !== '"') return found;
        const keyStart = i;
        const key = skipString();
        ws();
        if (text[i] !== ':') return found;
        i++;
        if (key === part) {
          found = spot(text, keyStart, i - 1 - keyStart);
          hit = true;
          break;
        }
        skipValue();
        ws();
        if (text[i] === ',') i++;
      }
      if (!hit) return found;
    } else if (c === '[') {
      const index = Number(part);
      if (!Number.isInteger(index)) return found;
      i++;
      for (let k = 0; k < index; k++) {
        skipValue();
        ws();
        if (text[i] !== ',') return found;
        i++;
      }
      ws();
      const start = i;
      skipValue();
      found = spot(text, start, Math.max(1, i - start));
      i = start;
    } else {
      return found;
    }
  }
  return found;
}

/**
 * Offset of the first JSON syntax error in `text`, or -1 when it parses. A strict recursive
 * descent, because engines word (and place) JSON.parse errors differently.
 */
export function firstSyntaxError(text: string): number {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const lit = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail();
  };
  const str = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 32) fail();
      i += text[i] === '\\' ? 2 : 1;
    }
    if (i >= text.length) fail();
    i++;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) return void i++;
      for (;;) {
        ws();
        if (c === '{') {
          if (text[i] !== '"') fail();
          str();
          ws();
          if (text[i] !== ':') fail();
          i++;
        }
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === close) return void i++;
        else fail();
      }
    }
    if (c === '"') return str();
    if (c === 't') return lit('true');
    if (c === 'f') return lit('false');
    if (c === 'n') return lit('null');
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 64));
    if (!m) fail();
    i += m![0].length;
  };
  try {
    value();
    ws();
    return i < text.length ? i : -1;
  } catch (at) {
    return Math.min(at as number, text.length);
  }
}

/** Where a JSON syntax error is: from the parser's message when it gives a position, else found directly. */
export function syntaxErrorSpot(text: string, message: string): TextSpot | null {
  const m = message.match(/position (\d+)/);
  if (m) return spot(text, Math.min(Number(m[1]), text.length), 1);
  const at = firstSyntaxError(text);
  return at < 0 ? null : spot(text, at, 1);
}
