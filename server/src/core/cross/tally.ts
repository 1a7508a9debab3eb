// The file rules' runner: fed one line's facts at a time, so a 200 MB file can be checked as a
// stream and an open document re-checked without re-reading unchanged lines. Each file rule
// (rules/*.ts with scope 'file') keeps its own state; this keeps the summary front ends show.

import type { LineFacts, Problem } from '../types';
import type { FileCheck, Locator } from '../rules/rule';
import type { RuleContext } from '../models/context';
import { defaultContext } from '../models/context';
import { FILE_RULES } from '../rules';
import type { DialectId } from '../dialects/table';
import { DialectVote } from '../dialects/detect';

export type { Locator } from '../rules/rule';

export { MAX_EMBEDDING_INPUTS, MAX_FILE_BYTES, MAX_REQUESTS } from './limits';

export interface TallySummary {
  requests: number;
  bytes: number;
  endpoint?: string;
  model?: string;
  embeddingInputs: number;
  /** The file's dialect: chosen by a setting, or the majority of its lines'. */
  dialect?: DialectId;
  /** What the lines showed, one sentence (the status bar's tooltip). */
  dialectEvidence?: string;
  /** Lines with content that is not a request (not JSON: one being typed, say); absent when none. */
  unreadable?: number;
}

/** What most lines bring: shared, read-only. */
const NO_PROBLEMS: readonly Problem[] = Object.freeze([]);

export class BatchTally {
  private readonly checks: FileCheck[];
  private first: { url?: string; model?: string } | undefined;
  private requests = 0;
  /** Lines with content that are not requests (the status bar still counts them as being written). */
  private unreadable = 0;
  private bytes = 0;
  private embeddingInputs = 0;
  private readonly vote: DialectVote;

  constructor(locate: Locator, context: RuleContext = defaultContext()) {
    this.checks = FILE_RULES.map((rule) => rule.start(locate, context));
    this.vote = new DialectVote(context.dialect);
  }

  /** Adds one line (its facts and its size in bytes, line ending included); returns new problems. */
  add(line: number, facts: LineFacts, bytes: number): readonly Problem[] {
    this.bytes += bytes;
    this.vote.add(facts.dialect);
    if (facts.isRequest) {
      this.requests++;
      if (facts.embeddingInputs) this.embeddingInputs += facts.embeddingInputs;
      this.first ??= {
        ...(facts.url !== undefined && { url: facts.url }),
        ...(facts.model !== undefined && { model: facts.model }),
      };
    } else if (facts.unreadable) this.unreadable++;
    let problems: Problem[] | undefined;
    for (const check of this.checks) {
      const found = check.add(line, facts, bytes);
      if (found && found.length > 0) (problems ??= []).push(...found);
    }
    return problems ?? NO_PROBLEMS;
  }

  /** Problems only the end of the file can tell. */
  finish(lineCount: number): Problem[] {
    const problems: Problem[] = [];
    for (const check of this.checks) if (check.finish) problems.push(...check.finish(lineCount));
    return problems;
  }

  summary(): TallySummary {
    return {
      requests: this.requests,
      bytes: this.bytes,
      embeddingInputs: this.embeddingInputs,
      dialect: this.vote.dialect(),
      dialectEvidence: this.vote.detection().evidence,
      ...(this.unreadable > 0 && { unreadable: this.unreadable }),
      ...(this.first?.url !== undefined && { endpoint: this.first.url }),
      ...(this.first?.model !== undefined && { model: this.first.model }),
    };
  }
}
