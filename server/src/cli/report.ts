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

export function formatJson(reports: readonly FileReport[]): string {
  const files = reports.map(({ path, summary, problems }) => ({
    path,
    requests: summary.requests,
    dialect: summary.dialect ?? DEFAULT_DIALECT,
    dialectEvidence: summary.dialectEvidence ?? null,
    problems: problems.map((p) => ({
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
    })),
  }));
  return JSON.stringify({ files }, null, 2) + '\n';
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

export function formatSarif(reports: readonly FileReport[], version: string): string {
  const rules = sarifRules();
  const index = new Map(PROBLEM_CODES.map((code, i) => [code, i]));
  const results = reports.flatMap(({ path, problems }) =>
    problems.map((p) => ({
      ruleId: p.code,
      ruleIndex: index.get(p.code),
      level: LEVEL[p.severity],
      message: { text: p.message },
      properties: { stage: stageOf(p) },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: artifactUri(path) },
            region: {
              startLine: p.line + 1,
              startColumn: p.column + 1,
              endLine: p.endLine + 1,
              endColumn: p.endColumn + 1,
            },
          },
        },
      ],
    })),
  );
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'batchlint',
            version,
            informationUri: 'https://github.com/batchlint/batchlint',
            rules,
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
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
