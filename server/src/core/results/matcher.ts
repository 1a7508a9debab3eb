// Puts a batch's results back on the lines of its input file. Results are matched by custom_id,
// never by order (the API does not keep the input's order). The result files are read first into
// an index that keeps, per custom_id, only what is shown (status, the API's error, usage); the
// input is then passed line by line, so neither file has to sit in memory whole.

import type { JsonPath, Problem } from '../types';
import { LineTree } from '../locate';
import { PROBLEMS } from '../catalogue';
import type { ResultCode } from './codes';
import { readResult } from './record';
import type { RequestResult, ResultStatus } from './record';
import type { BatchError, BatchObject } from './batch-object';
import { lineParamPath, parseParam } from './param-path';
import { addUsage, emptyUsage } from './usage';
import type { Usage } from './usage';
import type { ResultShape } from './providers';
import { customIdIn, inputShape, named, OPENAI_SHAPE, vertexIdIn } from './input-ids';

/** Where a result was read: which result file (index into the names given), which 0-based line. */
interface Entry {
  result: RequestResult;
  file: number;
  line: number;
  /** The custom_id value's columns in that line. */
  column: number;
  endColumn: number;
}

/** Counts over the input's requests, and the usage the results report. */
export interface ResultsSummary {
  /** Input lines that carry a custom_id. */
  requests: number;
  succeeded: number;
  failed: number;
  expired: number;
  cancelled: number;
  timedOut: number;
  /** Requests no result line names (or, in a batch that failed validation, every request). */
  missing: number;
  /** Usage summed over every successful result read, and per model as the bodies name it. */
  usage: Usage;
  usageByModel: Record<string, Usage>;
  batch?: { id?: string; status?: string };
}

/** What one input line's request came to. */
export interface LineOutcome {
  customId?: string;
  result?: RequestResult;
  /** Whether the line belongs in a retry file (failed, expired, cancelled, timed out, or missing). */
  retry: boolean;
  problems: Problem[];
}

/** The results of one batch, read from its output and error files and its batch object. */
export class ResultIndex {
  private readonly byId = new Map<string, Entry>();
  /** Problems found in each result file while reading it, by file index. */
  readonly fileProblems: Problem[][];
  private batch: BatchObject | undefined;
  private readonly usage = emptyUsage();
  /** By the model a result names: a Map, since a name is the file's text (`__proto__` too). */
  private readonly usageByModel = new Map<string, Usage>();
  private resultLines = 0;

  /** `fileNames`: how to name each result file in messages (its path, as the user gave it). */
  constructor(readonly fileNames: readonly string[]) {
    this.fileProblems = fileNames.map(() => []);
  }

  /** Whether any result file was given (so a request without a result line is "missing"). */
  get hasResultFiles(): boolean {
    return this.fileNames.length > 0;
  }

  /** Reads one line of result file `file` (0-based `line`, text without its line ending). */
  addLine(file: number, line: number, text: string): void {
    const trimmed = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (trimmed.trim() === '') return;
    const read = readResult(trimmed);
    const problems = this.fileProblems[file]!;
    if ('malformed' in read) {
      problems.push(problem('invalid_result_line', read.malformed, line, 0, trimmed.length));
      return;
    }
    this.resultLines++;
    const shape = read.shape ?? OPENAI_SHAPE;
    const span = new LineTree(trimmed).locate([shape.idKey ?? 'request'], 'value');
    const entry: Entry = { result: read, file, line, column: span.start, endColumn: span.end };
    const first = this.byId.get(read.customId);
    if (first) {
      const where =
        first.file === file
          ? `line ${first.line + 1}`
          : `${this.fileNames[first.file]}:${first.line + 1}`;
      const repeat = problem(
        'duplicate_result',
        `A second result for ${named(shape, read.customId)} (the first is on ${where}).`,
        line,
        span.start,
        span.end,
      );
      if (first.file === file) repeat.relatedLine = first.line;
      problems.push(repeat);
      // A success anywhere means the request ran: it wins over a failure read before it.
      if (first.result.status === 'succeeded' || read.status !== 'succeeded') return;
    }
    this.byId.set(read.customId, entry);
    if (read.usage) {
      addUsage(this.usage, read.usage);
      const model = read.model ?? 'unknown model';
      let byModel = this.usageByModel.get(model);
      if (byModel === undefined) this.usageByModel.set(model, (byModel = emptyUsage()));
      addUsage(byModel, read.usage);
    }
  }

  /** Takes the batch object: its status, and its validation errors for the input's lines. */
  setBatch(batch: BatchObject): void {
    this.batch = batch;
  }

  /** The result recorded for a custom_id. */
  get(customId: string): RequestResult | undefined {
    return this.byId.get(customId)?.result;
  }

  /** Starts a pass over the input file (`inputName` names it in messages). */
  matchInput(inputName: string): InputPass {
    return new InputPass(this, inputName, this.byId, this.batch);
  }

  /** @internal for InputPass: the usage totals. */
  usageTotals(): { usage: Usage; usageByModel: Record<string, Usage> } {
    // fromEntries defines own properties: a model named __proto__ stays a key like any other.
    const usageByModel = Object.fromEntries(
      [...this.usageByModel].map(([model, usage]) => [model, { ...usage }]),
    );
    return { usage: { ...this.usage }, usageByModel };
  }
}

/** One pass over the input file, line by line; `finish` reports what was left over. */
export class InputPass {
  private readonly matched = new Set<string>();
  private readonly errorsByLine = new Map<number, BatchError[]>();
  private readonly counts: Record<ResultStatus | 'missing', number> = {
    succeeded: 0,
    failed: 0,
    expired: 0,
    cancelled: 0,
    timed_out: 0,
    missing: 0,
  };
  private requests = 0;
  /** A batch that failed validation ran nothing: every request is missing, none is a "no result". */
  private readonly nothingRan: boolean;
  /** The input's keys, from its first line that shows a provider's shape (OpenAI's until then). */
  private shape: ResultShape | undefined;

  constructor(
    private readonly index: ResultIndex,
    private readonly inputName: string,
    private readonly byId: ReadonlyMap<string, Entry>,
    private readonly batch: BatchObject | undefined,
  ) {
    for (const error of batch?.errors ?? []) {
      if (error.line === undefined) continue;
      const list = this.errorsByLine.get(error.line) ?? [];
      list.push(error);
      this.errorsByLine.set(error.line, list);
    }
    this.nothingRan = batch?.status === 'failed';
  }

  /** Matches one input line (0-based `line`, text without its line ending). */
  line(line: number, text: string): LineOutcome {
    const clean = text.endsWith('\r') ? text.slice(0, -1) : text;
    const tree = new LineTree(clean);
    this.shape ??= inputShape(clean);
    const shape = this.shape ?? OPENAI_SHAPE;
    const customId =
      shape.idKey === null ? vertexIdIn(clean) : customIdIn(clean, tree, shape.idKey);
    const outcome: LineOutcome = { retry: false, problems: [] };
    for (const error of this.errorsByLine.get(line) ?? []) {
      const path = error.param ? lineParamPath(error.param) : undefined;
      const span = path ? tree.locate(path, 'value') : { start: 0, end: clean.length };
      const said = error.code ? `${error.message} (${error.code})` : error.message;
      const p = problem('batch_error', said, line, span.start, span.end);
      if (error.param) p.param = error.param;
      outcome.problems.push(p);
    }
    if (customId === undefined) return outcome;
    outcome.customId = customId;
    this.requests++;
    const entry = this.byId.get(customId);
    const idSpan = tree.locate([shape.idKey ?? shape.bodyKey], 'value');
    if (!entry) {
      if (this.nothingRan || this.index.hasResultFiles) {
        this.counts.missing++;
        outcome.retry = true;
      }
      if (!this.nothingRan && this.index.hasResultFiles)
        outcome.problems.push(
          problem(
            'no_result',
            `No result for ${shape.idKey === null ? 'this request' : named(shape, customId)} in ${this.index.fileNames.join(' or ')}.`,
            line,
            idSpan.start,
            idSpan.end,
          ),
        );
      return outcome;
    }
    this.matched.add(customId);
    const { result } = entry;
    outcome.result = result;
    this.counts[result.status]++;
    if (result.status === 'succeeded') return outcome;
    outcome.retry = true;
    outcome.problems.push(failureProblem(result, line, tree, idSpan, shape.bodyKey));
    return outcome;
  }

  /** Result lines no input line matched, on their result files; and the counts. */
  finish(lines: number): {
    fileProblems: Problem[][];
    batchProblems: Problem[];
    summary: ResultsSummary;
  } {
    const fileProblems = this.index.fileProblems.map((list) => [...list]);
    for (const [id, entry] of this.byId) {
      if (this.matched.has(id)) continue;
      const shape = entry.result.shape ?? OPENAI_SHAPE;
      fileProblems[entry.file]!.push(
        problem(
          'unknown_custom_id',
          shape.idKey === null
            ? `The request this result echoes is not in ${this.inputName}: no input line holds it.`
            : `${named(shape, id)} is not in ${this.inputName}: no input line has it.`,
          entry.line,
          entry.column,
          entry.endColumn,
        ),
      );
    }
    const batchProblems: Problem[] = [];
    for (const error of this.batch?.errors ?? []) {
      if (error.line !== undefined && error.line < lines) continue;
      const said = error.code ? `${error.message} (${error.code})` : error.message;
      const beyond =
        error.line !== undefined
          ? ` This names line ${error.line + 1}, but ${this.inputName} has ${lines} lines.`
          : '';
      const p = problem(
        'batch_error',
        said + beyond,
        error.at.line,
        error.at.column,
        error.at.column + 1,
      );
      if (error.param) p.param = error.param;
      batchProblems.push(p);
    }
    const summary: ResultsSummary = {
      requests: this.requests,
      succeeded: this.counts.succeeded,
      failed: this.counts.failed,
      expired: this.counts.expired,
      cancelled: this.counts.cancelled,
      timedOut: this.counts.timed_out,
      missing: this.counts.missing,
      ...this.index.usageTotals(),
    };
    if (this.batch) {
      summary.batch = {};
      if (this.batch.id) summary.batch.id = this.batch.id;
      if (this.batch.status) summary.batch.status = this.batch.status;
    }
    return { fileProblems, batchProblems, summary };
  }
}

const STATUS_CODE: Partial<Record<ResultStatus, ResultCode>> = {
  expired: 'batch_expired',
  cancelled: 'batch_cancelled',
  timed_out: 'request_timeout',
};

/** A failed request's problem: the API's words, on the parameter they name (else on the custom_id). */
function failureProblem(
  result: RequestResult,
  line: number,
  tree: LineTree,
  idSpan: { start: number; end: number },
  bodyKey: string,
): Problem {
  const error = result.error ?? { message: 'The request failed.' };
  const code = STATUS_CODE[result.status] ?? 'request_failed';
  let said = error.message;
  if (code === 'request_failed') {
    const tags = [
      ...(result.statusCode !== undefined ? [`HTTP ${result.statusCode}`] : []),
      ...(error.code ? [error.code] : []),
    ];
    if (tags.length > 0) said += ` (${tags.join(', ')})`;
  }
  const path: JsonPath | undefined =
    error.path ?? (error.param ? parseParam(error.param) : undefined);
  const span = path ? tree.locate([bodyKey, ...path], 'value') : idSpan;
  const p = problem(code, said, line, span.start, span.end);
  if (error.param) p.param = error.param;
  return p;
}

function problem(
  code: ResultCode,
  message: string,
  line: number,
  column: number,
  endColumn: number,
): Problem {
  return {
    code,
    severity: PROBLEMS[code].severity,
    message,
    line,
    column,
    endLine: line,
    endColumn,
  };
}
