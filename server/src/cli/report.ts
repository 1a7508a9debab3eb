// Output formats for `batchlint check`: text for people, JSON for scripts, SARIF 2.1.0 for
// code-scanning uploads. Lines and columns are 1-based; columns count UTF-16 code units.

import { isAbsolute, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Problem, ProblemEntry, Severity, Stage, Summary } from '../core';
import { DEFAULT_DIALECT, dialectLabel, PROBLEM_CODES, PROBLEMS } from '../core';

export interface FileReport {
  path: string;
  summary: Summary;
  problems: Problem[];
}

export function formatText(reports: readonly FileReport[]): string {
  const out: string[] = [];
  for (const { path, problems, summary } of reports) {
    for (const p of problems) out.push(textLine(path, p));
    const hidden = hiddenLine(path, summary, problems.length);
    if (hidden) out.push(hidden);
  }
  out.push(textSummary(reports));
  return out.join('\n') + '\n';
}

/** One problem as a line of the text format (without its newline). */
export function textLine(path: string, p: Problem): string {
  return `${path}:${p.line + 1}:${p.column + 1}: ${p.severity}: ${p.message} [${p.code}]`;
}

/** The line saying how many of a file's problems --max-problems left out; undefined when none. */
export function hiddenLine(path: string, summary: Summary, shown: number): string | undefined {
  const hidden = summary.errors + summary.warnings + summary.infos - shown;
  return hidden > 0
    ? `${path}: ${plural(hidden, 'more problem')} not shown (--max-problems)`
    : undefined;
}

/**
 * For a file read in another dialect than OpenAI's: which, and why (what its lines showed or the
 * --dialect flag), so a reader knows whose rules it was checked by.
 */
export function dialectLine(path: string, summary: Summary): string | undefined {
  const dialect = summary.dialect ?? DEFAULT_DIALECT;
  if (dialect === DEFAULT_DIALECT) return undefined;
  return `${path}: read as ${dialectLabel(dialect)}: ${summary.dialectEvidence ?? ''}`.trimEnd();
}

/** The closing line of the text format: files, requests, errors and warnings. */
export function textSummary(reports: readonly FileReport[]): string {
  const errors = sum(reports, (r) => r.summary.errors);
  const warnings = sum(reports, (r) => r.summary.warnings);
  const requests = sum(reports, (r) => r.summary.requests);
  const files = reports.length === 1 ? '1 file' : `${reports.length} files`;
  return `${files}, ${plural(requests, 'request')}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

/**
 * A report written as problems arrive, so `check` holds one problem at a time whatever the file
 * holds: `file` opens a file's entry, `problem` adds one, `endFile` closes it with the file's
 * summary, `end` closes the document. Nothing is written for a run in which no file opened.
 */
export interface ReportWriter {
  file(path: string): void;
  problem(problem: Problem): void;
  /** `undefined` when the file could not be read to its end (its requests are then `null`). */
  endFile(summary: FileSummary | undefined): void;
  end(): void;
}

/** What a report says of a file besides its problems. */
export type FileSummary = Pick<Summary, 'requests' | 'dialect' | 'dialectEvidence'>;

/** `value` as JSON indented by two spaces, its lines after the first moved `depth` levels in. */
function nested(value: unknown, depth: number): string {
  // Every raw newline of JSON.stringify's output is layout: newlines inside strings are escaped.
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);
}

/** The JSON format: `{"files":[{"path","problems":[...],"requests","dialect","dialectEvidence"}]}`. */
export class JsonReport implements ReportWriter {
  private files = 0;
  private problems = 0;

  constructor(private readonly write: (text: string) => void) {}

  file(path: string): void {
    const open = this.files++ === 0 ? '{\n  "files": [' : ',';
    this.write(`${open}\n    {\n      "path": ${JSON.stringify(path)},\n      "problems": [`);
    this.problems = 0;
  }

  problem(p: Problem): void {
    const entry = {
      line: p.line + 1,
      column: p.column + 1,
      endLine: p.endLine + 1,
      endColumn: p.endColumn + 1,
      severity: p.severity,
      code: p.code,
      stage: stageOf(p),
      message: p.message,
      param: p.param ?? null,
      fixes: p.fixOffers ?? [],
    };
    this.write(`${this.problems++ === 0 ? '' : ','}\n        ${nested(entry, 4)}`);
  }

  endFile(summary: FileSummary | undefined): void {
    const fields = [
      `"requests": ${summary?.requests ?? null}`,
      `"dialect": ${JSON.stringify(summary ? (summary.dialect ?? DEFAULT_DIALECT) : null)}`,
      `"dialectEvidence": ${JSON.stringify(summary?.dialectEvidence ?? null)}`,
    ];
    const close = this.problems > 0 ? '\n      ]' : ']';
    this.write(`${close},\n      ${fields.join(',\n      ')}\n    }`);
  }

  end(): void {
    if (this.files > 0) this.write('\n  ]\n}\n');
  }
}

export function formatJson(reports: readonly FileReport[]): string {
  return writeAll(reports, (write) => new JsonReport(write));
}

/** When the API would refuse a problem (see the catalogue): the problem's own, or its code's. */
export function stageOf(problem: Problem): Stage {
  return problem.stage ?? PROBLEMS[problem.code].stage;
}

const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note' };

/** The SARIF rule of every catalogued code, each with its description and help link. */
export function sarifRules(): object[] {
  return PROBLEM_CODES.map((id) => {
    const entry: ProblemEntry = PROBLEMS[id];
    return {
      id,
      name: id,
      shortDescription: { text: entry.title },
      fullDescription: { text: entry.description },
      helpUri: entry.docs,
      help: { text: `${entry.description} ${entry.docs}` },
      defaultConfiguration: { level: LEVEL[entry.severity] },
      properties: { stage: entry.stage, tags: [...entry.tags] },
    };
  });
}

/** SARIF 2.1.0: one run whose results are the problems, each naming its rule by index. */
export class SarifReport implements ReportWriter {
  private results = -1;
  private tail = '';
  private path = '';
  private readonly index = new Map(PROBLEM_CODES.map((code, i) => [code, i]));

  constructor(
    private readonly write: (text: string) => void,
    private readonly version: string,
  ) {}

  file(path: string): void {
    this.path = path;
    if (this.results >= 0) return;
    const sarif = {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'batchlint',
              version: this.version,
              informationUri: 'https://github.com/batchlint/batchlint',
              rules: sarifRules(),
            },
          },
          columnKind: 'utf16CodeUnits',
          results: [],
        },
      ],
    };
    // The document around its results: an unescaped `"results": []` can only be that key, since
    // a quote inside a JSON string is always escaped.
    const text = JSON.stringify(sarif, null, 2);
    const at = text.indexOf('"results": []') + '"results": ['.length;
    this.write(text.slice(0, at));
    this.tail = text.slice(at + 1);
    this.results = 0;
  }

  problem(p: Problem): void {
    const result = {
      ruleId: p.code,
      ruleIndex: this.index.get(p.code),
      level: LEVEL[p.severity],
      message: { text: p.message },
      properties: { stage: stageOf(p) },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: artifactUri(this.path) },
            region: {
              startLine: p.line + 1,
              startColumn: p.column + 1,
              endLine: p.endLine + 1,
              endColumn: p.endColumn + 1,
            },
          },
        },
      ],
    };
    this.write(`${this.results++ === 0 ? '' : ','}\n        ${nested(result, 4)}`);
  }

  endFile(): void {}

  end(): void {
    if (this.results < 0) return;
    this.write(`${this.results > 0 ? '\n      ' : ''}]${this.tail}\n`);
  }
}

export function formatSarif(reports: readonly FileReport[], version: string): string {
  return writeAll(reports, (write) => new SarifReport(write, version));
}

/** A whole report as one string, through the writer `make` builds. */
function writeAll(
  reports: readonly FileReport[],
  make: (write: (text: string) => void) => ReportWriter,
): string {
  const parts: string[] = [];
  const writer = make((text) => parts.push(text));
  for (const { path, summary, problems } of reports) {
    writer.file(path);
    for (const p of problems) writer.problem(p);
    writer.endFile(summary);
  }
  writer.end();
  return parts.join('');
}

/**
 * A SARIF artifact uri (RFC 3986): an absolute path becomes a file: URL, a relative one a
 * relative reference with each segment percent-encoded (`a b#1.jsonl` → `a%20b%231.jsonl`).
 */
export function artifactUri(path: string): string {
  if (path === '-') return 'stdin';
  if (isAbsolute(path)) return pathToFileURL(path).href;
  const segments = sep === '\\' ? path.split(/[\\/]/) : path.split('/');
  return segments.map(encodeURIComponent).join('/');
}

function sum<T>(items: readonly T[], of: (item: T) => number): number {
  return items.reduce((total, item) => total + of(item), 0);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
