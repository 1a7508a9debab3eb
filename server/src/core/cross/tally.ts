// Rules across lines, fed one line's facts at a time so a 200 MB file can be checked as a
// stream and an open document re-checked without re-reading unchanged lines.

import type { JsonPath, LineFacts, Problem, ProblemCode } from '../types';
import type { RuleContext } from '../models/context';
import { defaultContext } from '../models/context';
import type { FileCheck } from '../rules/rule';
import { FILE_RULES } from '../rules';

export const MAX_REQUESTS = 50_000;
export const MAX_FILE_BYTES = 200 * 1024 * 1024;
export const MAX_EMBEDDING_INPUTS = 50_000;

/** Finds where a value sits in a line, for lines whose text the caller still has. */
export type Locator = (line: number, path: JsonPath) => { column: number; endColumn: number };

export interface TallySummary {
  requests: number;
  bytes: number;
  endpoint?: string;
  model?: string;
  embeddingInputs: number;
}

export class BatchTally {
  private readonly firstById = new Map<string, number>();
  private first: { line: number; url?: string; model?: string } | undefined;
  private requests = 0;
  /** Lines with content that is not a request: a file of such lines is not "empty". */
  private unreadable = 0;
  private bytes = 0;
  private embeddingInputs = 0;

  /** The file rules of the rules folder, started for this pass. */
  private readonly fileChecks: FileCheck[];

  constructor(
    private readonly locate: Locator,
    context: RuleContext = defaultContext(),
  ) {
    this.fileChecks = FILE_RULES.map((rule) => rule.start(locate, context));
  }

  /** Adds one line (its facts and its size in bytes, line ending included); returns new problems. */
  add(line: number, facts: LineFacts, bytes: number): Problem[] {
    const problems: Problem[] = [];
    const before = this.bytes;
    this.bytes += bytes;
    if (before <= MAX_FILE_BYTES && this.bytes > MAX_FILE_BYTES) {
      problems.push(
        this.wholeLine(
          line,
          'file_too_large',
          `The file is larger than 200 MB at this line; the Batch API takes input files of at most 200 MB (larger uploads are refused with HTTP 413). Split the file.`,
        ),
      );
    }
    for (const check of this.fileChecks) {
      const found = check.add(line, facts, bytes);
      if (found) problems.push(...found);
    }
    if (!facts.isRequest) {
      if (facts.unreadable) this.unreadable++;
      return problems;
    }
    this.requests++;
    if (this.requests === MAX_REQUESTS + 1) {
      problems.push(
        this.wholeLine(
          line,
          'too_many_tasks',
          `This is request 50,001: a batch takes at most 50,000 requests per file. Split the file.`,
        ),
      );
    }
    if (facts.embeddingInputs) {
      const inputsBefore = this.embeddingInputs;
      this.embeddingInputs += facts.embeddingInputs;
      if (inputsBefore <= MAX_EMBEDDING_INPUTS && this.embeddingInputs > MAX_EMBEDDING_INPUTS) {
        problems.push(
          this.at(
            line,
            ['body', 'input'],
            'too_many_embedding_inputs',
            'input',
            `The embedding inputs of this file pass 50,000 here (${this.embeddingInputs.toLocaleString('en-US')} so far); a batch takes at most 50,000 embedding inputs across all its requests.`,
          ),
        );
      }
    }
    if (facts.customId !== undefined) {
      const firstLine = this.firstById.get(facts.customId);
      if (firstLine === undefined) this.firstById.set(facts.customId, line);
      else problems.push(this.duplicate(line, facts.customId, firstLine));
    }
    if (!this.first) {
      this.first = {
        line,
        ...(facts.url !== undefined && { url: facts.url }),
        ...(facts.model !== undefined && { model: facts.model }),
      };
      return problems;
    }
    const first = this.first;
    if (first.url !== undefined && facts.url !== undefined && facts.url !== first.url) {
      problems.push({
        ...this.at(
          line,
          ['url'],
          'url_mismatch',
          'url',
          `The URL provided for this request does not match the batch endpoint. Line ${first.line + 1} uses '${first.url}': every request in a batch must use the same url.`,
        ),
        relatedLine: first.line,
      });
    }
    if (first.model !== undefined && facts.model !== undefined && facts.model !== first.model) {
      problems.push({
        ...this.at(
          line,
          ['body', 'model'],
          'model_mismatch',
          'model',
          `Each input file can only include requests to a single model: line ${first.line + 1} uses '${first.model}', this request '${facts.model}'.`,
        ),
        relatedLine: first.line,
      });
    }
    return problems;
  }

  /** Problems only the end of the file can tell. */
  finish(lineCount: number): Problem[] {
    const problems: Problem[] = [];
    for (const check of this.fileChecks) problems.push(...(check.finish?.(lineCount) ?? []));
    // A file whose lines are all unreadable has each of them reported already: once is enough.
    if (this.requests > 0 || this.unreadable > 0) return problems;
    return [
      ...problems,
      {
        code: 'empty_file',
        severity: 'error',
        message: 'The file has no requests: a batch needs at least one request line.',
        line: 0,
        column: 0,
        endLine: Math.max(0, lineCount - 1),
        endColumn: 0,
      },
    ];
  }

  summary(): TallySummary {
    return {
      requests: this.requests,
      bytes: this.bytes,
      embeddingInputs: this.embeddingInputs,
      ...(this.first?.url !== undefined && { endpoint: this.first.url }),
      ...(this.first?.model !== undefined && { model: this.first.model }),
    };
  }

  private duplicate(line: number, customId: string, firstLine: number): Problem {
    let n = 2;
    while (this.firstById.has(`${customId}-${n}`)) n++;
    return {
      ...this.at(
        line,
        ['custom_id'],
        'duplicate_custom_id',
        'custom_id',
        `Duplicate custom_id '${customId}': line ${firstLine + 1} already uses it. Every custom_id must be unique within the batch, or results cannot be matched to requests.`,
      ),
      relatedLine: firstLine,
      fix: { id: 'set-value', path: ['custom_id'], value: `${customId}-${n}`, safe: false },
    };
  }

  private at(
    line: number,
    path: JsonPath,
    code: ProblemCode,
    param: string,
    message: string,
  ): Problem {
    const { column, endColumn } = this.locate(line, path);
    return { code, severity: 'error', message, param, line, column, endLine: line, endColumn };
  }

  private wholeLine(line: number, code: ProblemCode, message: string): Problem {
    const { column, endColumn } = this.locate(line, []);
    return { code, severity: 'error', message, line, column, endLine: line, endColumn };
  }
}
