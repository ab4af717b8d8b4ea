import { describe, expect, it } from 'vitest';
import { firstSyntaxError, lineColumn, locatePointer, syntaxErrorSpot } from '../src/app/json-locate';

const TEXT = `{
  "name": "Breast",
  "populations": { "tumourCells": 120, "bogus": 3 },
  "whatIfs": ["ko:a", "ko:b"],
  "modules": {
    "emt": { "rate": -1 }
  }
}`;

describe('locating a validator path in scenario text', () => {
  it('finds a top-level key on its line', () => {
    const s = locatePointer(TEXT, '/name')!;
    expect(s.line).toBe(2);
    expect(TEXT.slice(s.offset, s.offset + s.length)).toBe('"name"');
  });

  it('finds a nested unknown key after other members', () => {
    const s = locatePointer(TEXT, '/populations/bogus')!;
    expect(s.line).toBe(3);
    expect(TEXT.slice(s.offset, s.offset + s.length)).toBe('"bogus"');
  });

  it('finds an array item by index', () => {
    const s = locatePointer(TEXT, '/whatIfs/1')!;
    expect(s.line).toBe(4);
    expect(TEXT.slice(s.offset, s.offset + s.length)).toBe('"ko:b"');
  });

  it('finds a key two levels down', () => {
    const s = locatePointer(TEXT, '/modules/emt/rate')!;
    expect(s.line).toBe(6);
    expect(s.column).toBe(14);
  });

  it('falls back to the deepest part found for a path that is not there', () => {
    expect(locatePointer(TEXT, '/modules/missing/x')!.line).toBe(5);
  });

  it('places a JSON syntax error from the parser message', () => {
    const bad = '{\n  "a": 1,\n  "b": }';
    let message = '';
    try {
      JSON.parse(bad);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(syntaxErrorSpot(bad, message)!.line).toBe(3);
    expect(syntaxErrorSpot(bad, 'no position here')!.line).toBe(3);
    expect(syntaxErrorSpot('{"a": [1, 2,]}', '')!.offset).toBe(12);
    expect(syntaxErrorSpot('{"a": 1}', '')).toBeNull();
  });

  it('accepts valid JSON and finds the first error of invalid JSON', () => {
    expect(firstSyntaxError(TEXT)).toBe(-1);
    expect(firstSyntaxError('{"a": tru}')).toBe(6);
    expect(firstSyntaxError('{"a": 1} x')).toBe(9);
    expect(firstSyntaxError('{"a" 1}')).toBe(5);
  });

  it('converts offsets to 1-based line and column', () => {
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});
