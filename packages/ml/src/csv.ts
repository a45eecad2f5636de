/** One thing wrong with an input file, located so a person can fix it: line 1 is the header. */
export type CsvProblem = { line: number; column?: string; message: string };

export type CsvRecord = { line: number; cells: string[] };

/** What a column holds: numbers (finite, optionally integers only) or text (optionally from a closed list). */
export type ColumnSpec =
  | { name: string; kind: 'number'; isInteger?: boolean; isOptional?: boolean }
  | { name: string; kind: 'text'; levels?: readonly string[]; isOptional?: boolean };

export type TableSchema = { delimiter: ',' | ';'; columns: readonly ColumnSpec[] };

/** A validated table, stored by column: numbers as Float64Array, texts as string arrays. */
export type Table = {
  rowCount: number;
  columns: string[];
  numbers: Map<string, Float64Array>;
  texts: Map<string, string[]>;
};

export type TableResult = { ok: true; table: Table } | { ok: false; problems: CsvProblem[] };

/** Enough to fix a file without drowning the person in a thousand copies of one mistake. */
const MAX_PROBLEMS = 20;

const QUOTE = 34;
const NEWLINE = 10;
const RETURN = 13;

/**
 * Splits delimited text into records (RFC 4180 quoting: `"a;b"`, `""` for a quote), keeping the line each
 * record starts on. Blank lines are skipped; CRLF and LF both end a record.
 */
export function parseDelimited(text: string, delimiter: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let isQuoted = false;
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const delimiterCode = delimiter.charCodeAt(0);
  const endRecord = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0] !== '') records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
  };
  while (i < text.length) {
    const ch = text[i] as string;
    if (isQuoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') {
        isQuoted = false;
        i++;
        continue;
      }
      // a run of quoted text up to the next quote, taken in one slice
      let end = i;
      while (end < text.length && text.charCodeAt(end) !== QUOTE) {
        if (text.charCodeAt(end) === NEWLINE) line++;
        end++;
      }
      cell += text.slice(i, end);
      i = end;
      continue;
    }
    if (ch === '"' && cell === '') isQuoted = true;
    else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      // a run of plain text up to the next delimiter or line end (a quote inside it is literal)
      let end = i + 1;
      while (end < text.length) {
        const c = text.charCodeAt(end);
        if (c === delimiterCode || c === NEWLINE || c === RETURN) break;
        end++;
      }
      cell += text.slice(i, end);
      i = end;
      continue;
    }
    i++;
  }
  if (cell !== '' || cells.length > 0) endRecord();
  return records;
}

/**
 * Reads a file against its schema: the header must name exactly the schema's columns (optional ones may be
 * missing), every row must have one cell per column, numbers must be finite, texts must be known levels.
 * Any problem rejects the whole file, so a caller never acts on half of it.
 */
export function readTable(text: string, schema: TableSchema): TableResult {
  const records = parseDelimited(text.replace(/^\uFEFF/, ''), schema.delimiter);
  const head = records[0];
  if (!head) return { ok: false, problems: [{ line: 1, message: 'the file is empty: no header row' }] };
  const headerProblems = checkHeader(head.cells, schema);
  if (headerProblems.length > 0) return { ok: false, problems: headerProblems };
  const body = records.slice(1);
  if (body.length === 0)
    return { ok: false, problems: [{ line: 2, message: 'the file has a header but no rows' }] };

  const specs = head.cells.map((name) => schema.columns.find((c) => c.name === name) as ColumnSpec);
  const numbers = new Map<string, Float64Array>();
  const texts = new Map<string, string[]>();
  for (const spec of specs) {
    if (spec.kind === 'number') numbers.set(spec.name, new Float64Array(body.length));
    else texts.set(spec.name, new Array<string>(body.length));
  }
  const problems: CsvProblem[] = [];
  const note = (p: CsvProblem) => {
    if (problems.length < MAX_PROBLEMS) problems.push(p);
  };
  body.forEach((record, row) => {
    if (record.cells.length !== specs.length) {
      note({ line: record.line, message: `expected ${specs.length} cells, found ${record.cells.length}` });
      return;
    }
    specs.forEach((spec, col) => {
      const raw = (record.cells[col] as string).trim();
      const problem = cellProblem(spec, raw);
      if (problem) note({ line: record.line, column: spec.name, message: problem });
      else if (spec.kind === 'number') (numbers.get(spec.name) as Float64Array)[row] = Number(raw);
      else (texts.get(spec.name) as string[])[row] = raw;
    });
  });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, table: { rowCount: body.length, columns: head.cells, numbers, texts } };
}

function checkHeader(header: string[], schema: TableSchema): CsvProblem[] {
  const problems: CsvProblem[] = [];
  const known = new Set(schema.columns.map((c) => c.name));
  const seen = new Set<string>();
  for (const name of header) {
    if (!known.has(name)) problems.push({ line: 1, column: name, message: `unknown column "${name}"` });
    else if (seen.has(name))
      problems.push({ line: 1, column: name, message: `column "${name}" appears twice` });
    seen.add(name);
  }
  for (const spec of schema.columns) {
    if (!spec.isOptional && !seen.has(spec.name))
      problems.push({ line: 1, column: spec.name, message: `missing column "${spec.name}"` });
  }
  return problems;
}

function cellProblem(spec: ColumnSpec, raw: string): string | undefined {
  if (raw === '') return 'empty value';
  if (spec.kind === 'text') {
    if (spec.levels && !spec.levels.includes(raw))
      return `unknown value "${raw}" (expected one of ${spec.levels.join(', ')})`;
    return undefined;
  }
  const value = Number(raw);
  if (!Number.isFinite(value)) return `not a number: "${raw}"`;
  if (spec.isInteger && !Number.isInteger(value)) return `not an integer: "${raw}"`;
  return undefined;
}

/** A numeric column the schema guarantees; asking for one it does not is a programming error. */
export function numberColumn(table: Table, name: string): Float64Array {
  const column = table.numbers.get(name);
  if (!column) throw new Error(`no numeric column "${name}" in the table`);
  return column;
}

/** A text column the schema guarantees. */
export function textColumn(table: Table, name: string): string[] {
  const column = table.texts.get(name);
  if (!column) throw new Error(`no text column "${name}" in the table`);
  return column;
}

/** One-line summary of problems for an error message: "line 3, column AGE: not a number". */
export function describeProblems(problems: readonly CsvProblem[]): string {
  return problems
    .map((p) => `line ${p.line}${p.column ? `, column ${p.column}` : ''}: ${p.message}`)
    .join('\n');
}
