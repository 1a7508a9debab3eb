// Output of `batchlint results`: the formats of `check` (text, JSON `files[].problems[]`, SARIF),
// one file entry per file that has something to say, plus the batch's summary.

import type { Problem, Summary } from '../core';
import { batchCost, costText, outcomeText, usageText } from '../core/results';
import type { InputReport, ResultsSummary } from '../core/results';
import { formatJson, formatSarif, formatText } from './report';
import type { FileReport } from './report';

export type ResultsFormat = 'text' | 'json' | 'sarif';

interface Files {
  input: string;
  resultFiles: readonly string[];
  batchFile?: string;
  format: ResultsFormat;
}

/** The whole report, ready for stdout. */
export function formatResults(files: Files, report: InputReport, version: string): string {
  const reports: FileReport[] = [fileReport(files.input, report.problems, report.summary.requests)];
  files.resultFiles.forEach((path, i) => {
    const problems = report.fileProblems[i] ?? [];
    if (problems.length > 0) reports.push(fileReport(path, byLine(problems), 0));
  });
  if (files.batchFile !== undefined && report.batchProblems.length > 0)
    reports.push(fileReport(files.batchFile, report.batchProblems, 0));
  switch (files.format) {
    case 'json': {
      const json = JSON.parse(formatJson(reports)) as Record<string, unknown>;
      return JSON.stringify({ ...json, summary: jsonSummary(report.summary) }, null, 2) + '\n';
    }
    case 'sarif': {
      const sarif = JSON.parse(formatSarif(reports, version)) as {
        runs: Record<string, unknown>[];
      };
      sarif.runs[0]!['properties'] = { batchResults: jsonSummary(report.summary) };
      return JSON.stringify(sarif, null, 2) + '\n';
    }
    case 'text':
      return formatText(reports) + summaryText(report.summary);
  }
}

function fileReport(path: string, problems: Problem[], requests: number): FileReport {
  const count = (severity: Problem['severity']): number =>
    problems.filter((p) => p.severity === severity).length;
  const summary: Summary = {
    requests,
    bytes: 0,
    embeddingInputs: 0,
    errors: count('error'),
    warnings: count('warning'),
    infos: count('info'),
  };
  return { path, summary, problems };
}

function byLine(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
}

/** The summary as JSON: counts, usage, and the cost at the model table's batch prices. */
function jsonSummary(summary: ResultsSummary): Record<string, unknown> {
  return { ...summary, cost: batchCost(summary.usageByModel) };
}

/** Three lines for people: what became of the requests, the tokens used, the cost. */
export function summaryText(summary: ResultsSummary): string {
  const batch = summary.batch
    ? ` (batch${summary.batch.id ? ` ${summary.batch.id}` : ''}${summary.batch.status ? `: ${summary.batch.status}` : ''})`
    : '';
  const lines = [
    `results${batch}: ${summary.requests.toLocaleString('en-US')} requests: ${outcomeText(summary)}`,
    `usage: ${usageText(summary.usage)}`,
    `cost: ${costText(batchCost(summary.usageByModel))}`,
  ];
  return lines.join('\n') + '\n';
}
