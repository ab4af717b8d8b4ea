import { describe, expect, it } from 'vitest';
import { jsonSyntaxError, lineColumn, locatePointer } from '../src/scenario/json-text';
import { parseScenario } from '../src/scenario/resolve';

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
    expect(locatePointer(TEXT, '/whatIfs/7')!.line).toBe(4);
  });

  it('places the first syntax error and says what was expected', () => {
    expect(jsonSyntaxError('{\n  "a": 1,\n  "b": }')).toMatchObject({ line: 3, column: 8, message: 'value expected' });
    expect(jsonSyntaxError('{"a": [1, 2,]}')).toMatchObject({ offset: 12, message: 'value expected' });
    expect(jsonSyntaxError('{"a": tru}')!.offset).toBe(6);
    expect(jsonSyntaxError('{"a": 1} x')).toMatchObject({ offset: 9, message: 'invalid symbol' });
    expect(jsonSyntaxError('{"a" 1}')).toMatchObject({ offset: 5, message: 'colon expected' });
    expect(jsonSyntaxError('{"a": 1} // note')).not.toBeNull(); // strict JSON: no comments
    expect(jsonSyntaxError(TEXT)).toBeNull();
  });

  it('names the line and column of a syntax error in a scenario file', () => {
    expect(() => parseScenario('{\n  "name": "x",\n  "cancerType": }', 'scenarios/broken.json'))
      .toThrow('scenarios/broken.json: (top level): not valid JSON at line 3, column 17: value expected');
  });

  it('converts offsets to 1-based line and column', () => {
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
  });
});
