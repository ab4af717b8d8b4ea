import { parse, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';

// Places in scenario JSON text, found with jsonc-parser: where a syntax error is (for the
// command line's message and the app's editor) and what a validator path points at (for the
// editor's underline). Strict JSON throughout: no comments, no trailing commas, as JSON.parse.

/** Where something is in a text: 0-based offset and length, 1-based line and column. */
export interface TextSpot {
  offset: number;
  length: number;
  line: number;
  column: number;
}

/** 1-based line and column of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

function spot(text: string, offset: number, length: number): TextSpot {
  return { offset, length, ...lineColumn(text, offset) };
}

const STRICT = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

/** The first syntax error of `text` as strict JSON, with what the parser expected; null when it parses. */
export function jsonSyntaxError(text: string): (TextSpot & { message: string }) | null {
  const errors: ParseError[] = [];
  parse(text, errors, STRICT);
  const e = errors[0];
  if (!e) return null;
  // 'PropertyNameExpected' → 'property name expected'
  const message = printParseErrorCode(e.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return { ...spot(text, Math.min(e.offset, text.length), Math.max(1, e.length)), message };
}

/**
 * What a JSON pointer (RFC 6901, as the scenario validator reports it) points at in `text`:
 * the key of an object member (so an unknown key is underlined where it is written), or an
 * array item. For a path that is not there, the deepest part that is; null when the text has
 * no JSON value at all.
 */
export function locatePointer(text: string, pointer: string): TextSpot | null {
  let node: Node | undefined = parseTree(text, [], STRICT);
  if (!node) return null;
  let found = spot(text, node.offset, node.length);
  const parts = pointer === '' ? [] : pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  for (const part of parts) {
    if (node?.type === 'object') {
      const member: Node | undefined = node.children?.find((m) => m.children?.[0]?.value === part);
      if (!member?.children) break;
      const key = member.children[0];
      found = spot(text, key.offset, key.length);
      node = member.children[1];
    } else if (node?.type === 'array' && /^\d+$/.test(part)) {
      node = node.children?.[Number(part)];
      if (!node) break;
      found = spot(text, node.offset, node.length);
    } else break;
  }
  return found;
}
