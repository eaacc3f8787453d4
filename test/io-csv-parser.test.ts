import { describe, expect, it } from 'vitest';
import { CsvParser, type CsvRow } from '../src/io/readers/csv-parser';
import { isInputError } from '../src/errors';

/** Parses `text` fed in chunks of `size` characters. */
function parse(text: string, size = text.length || 1): CsvRow[] {
  const parser = new CsvParser();
  const rows: CsvRow[] = [];
  for (let i = 0; i < text.length; i += size) rows.push(...parser.push(text.slice(i, i + size)));
  rows.push(...parser.end());
  return rows;
}

describe('CsvParser', () => {
  it.each([
    ['plain fields', 'a,b,c\n1,2,3\n', [['a', 'b', 'c'], ['1', '2', '3']]],
    ['CRLF line ends', 'a,b\r\n1,2\r\n', [['a', 'b'], ['1', '2']]],
    ['CR line ends', 'a,b\r1,2', [['a', 'b'], ['1', '2']]],
    ['no final line break', 'a,b\n1,2', [['a', 'b'], ['1', '2']]],
    ['empty fields', ',x,\n', [['', 'x', '']]],
    ['quoted delimiter', '"a,b",c\n', [['a,b', 'c']]],
    ['doubled quotes', '"she said ""no""",x\n', [['she said "no"', 'x']]],
    ['quoted newline', '"line one\nline two",x\n', [['line one\nline two', 'x']]],
    ['quoted CRLF kept', '"one\r\ntwo",x\r\n', [['one\r\ntwo', 'x']]],
    ['empty quoted field', '"",x\n', [['', 'x']]],
    ['blank lines skipped', 'a\n\n\nb\n', [['a'], ['b']]],
  ])('parses %s', (_name, text, expected) => {
    for (const size of [1, 2, 3, 1000]) expect(parse(text, size).map((r) => r.fields)).toEqual(expected);
  });

  it('numbers each record by the line it starts on', () => {
    const rows = parse('h1,h2\r\n"multi\r\nline",x\r\nnext,y\r\n\r\nlast,z\r\n', 2);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 4, 6]);
  });

  it.each([
    ['text after a closing quote', 'ok,1\n"bad"x,2\nfine,3\n', /after a closing quote/],
    ['a quote inside an unquoted field', 'ok,1\nba"d,2\nfine,3\n', /quote inside an unquoted field/],
  ])('reports %s on its line and goes on with the next', (_name, text, message) => {
    const rows = parse(text, 4);
    expect(rows.map((r) => r.fields[0])).toEqual(['ok', undefined, 'fine']);
    expect(rows[1]).toMatchObject({ line: 2, error: expect.stringMatching(message) });
    expect(rows[0]!.error).toBeUndefined();
  });

  it('reports a quote left open at the end of the input', () => {
    const rows = parse('a,b\n"never closed,\nmore text\n');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ line: 2, error: expect.stringMatching(/not closed/) });
  });

  it('takes another delimiter and refuses an impossible one', () => {
    const parser = new CsvParser(';');
    expect(parser.push('a;"b;c"\n').map((r) => r.fields)).toEqual([['a', 'b;c']]);
    expect(() => new CsvParser('"')).toThrow(expect.objectContaining({ code: 'INVALID_OPTIONS' }));
    try {
      new CsvParser('ab');
    } catch (error) {
      expect(isInputError(error)).toBe(true);
    }
  });
});
