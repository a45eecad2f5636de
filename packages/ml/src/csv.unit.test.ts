import { describe, expect, it } from 'vitest';
import { parseDelimited, readTable, type TableSchema } from './csv.ts';

const schema: TableSchema = {
  delimiter: ';',
  columns: [
    { name: 'id', kind: 'number', isInteger: true },
    { name: 'job', kind: 'text' },
    { name: 'rate', kind: 'number' },
    { name: 'y', kind: 'text', levels: ['yes', 'no'], isOptional: true },
  ],
};

describe('reading a delimited file', () => {
  it('unquotes cells, keeps a quoted delimiter and an escaped quote, and accepts CRLF', () => {
    const records = parseDelimited('"a";"b;c"\r\n"say ""hi""";2\r\n', ';');
    expect(records).toEqual([
      { line: 1, cells: ['a', 'b;c'] },
      { line: 2, cells: ['say "hi"', '2'] },
    ]);
  });

  it('reads a valid file into typed columns, with or without the optional target', () => {
    const withTarget = readTable(
      '"id";"job";"rate";"y"\n1;"admin.";1.5;"yes"\n2;"student";-0.1;"no"\n',
      schema,
    );
    expect(withTarget.ok && withTarget.table.rowCount).toBe(2);
    const scoring = readTable('id;job;rate\n7;"admin.";2\n', schema);
    expect(scoring.ok && Array.from(scoring.table.numbers.get('rate') ?? [])).toEqual([2]);
  });
});

describe('refusing a bad file, saying where', () => {
  it('names the line and column of a non-numeric value and of an unknown level', () => {
    const result = readTable(
      'id;job;rate;y\n1;"admin.";1.5;"yes"\n2;"student";abc;"no"\n3;"x";1;"maybe"\n',
      schema,
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        { line: 3, column: 'rate', message: 'not a number: "abc"' },
        { line: 4, column: 'y', message: 'unknown value "maybe" (expected one of yes, no)' },
      ],
    });
  });

  it('refuses a fraction where an integer belongs, an empty cell and a short row', () => {
    const result = readTable('id;job;rate\n1.5;"a";1\n2;"";1\n3;"a"\n', schema);
    expect(result.ok ? [] : result.problems).toEqual([
      { line: 2, column: 'id', message: 'not an integer: "1.5"' },
      { line: 3, column: 'job', message: 'empty value' },
      { line: 4, message: 'expected 3 cells, found 2' },
    ]);
  });

  it('refuses missing and unknown columns from the header (line 1)', () => {
    const result = readTable('id;job;duration\n1;"a";30\n', schema);
    expect(result.ok ? [] : result.problems).toEqual([
      { line: 1, column: 'duration', message: 'unknown column "duration"' },
      { line: 1, column: 'rate', message: 'missing column "rate"' },
    ]);
  });

  it('refuses an empty file and a header without rows', () => {
    expect(readTable('', schema)).toEqual({
      ok: false,
      problems: [{ line: 1, message: 'the file is empty: no header row' }],
    });
    expect(readTable('id;job;rate\n', schema)).toEqual({
      ok: false,
      problems: [{ line: 2, message: 'the file has a header but no rows' }],
    });
  });
});
