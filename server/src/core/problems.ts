// Collects the problems of one check as they are found: applies the severity settings, counts
// every problem, and keeps only the first `maxProblems` by position, so the memory a check needs
// is bounded by what it reports, not by how broken the file is (1 MB of "{}" lines is four
// million problems).

import type { Problem, Severity } from './types';
import type { CheckOptions } from './options';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Problems held for a streamed report before any is handed on (see ProblemCollector). */
const HELD = 10_000;

/** Position order: line, column, then errors before warnings before infos. */
export function byPosition(a: Problem, b: Problem): number {
  return a.line - b.line || a.column - b.column || RANK[a.severity] - RANK[b.severity];
}

export interface ProblemCounts {
  errors: number;
  warnings: number;
  infos: number;
}

export class ProblemCollector {
  readonly counts: ProblemCounts = { errors: 0, warnings: 0, infos: 0 };
  private kept: Problem[] = [];
  private readonly max: number | undefined;
  private readonly overrides: CheckOptions['severity'];
  /** Once `max` problems are kept: the last of them in position order (nothing after it is listed). */
  private worst: Problem | undefined;
  /**
   * Problems held for onProblem, handed on in position order: all of them up to HELD (rules
   * that speak only at the end of the file, about an earlier line, still come in order), then
   * the first HELD of twice as many at a time, so the memory stays bounded.
   */
  private line: Problem[] = [];
  /** How many problems went to onProblem. */
  private handed = 0;

  /**
   * `onProblem`, when given, takes the problems instead of the result: it receives each one
   * (severity settings applied) in position order, at most `maxProblems` of them. Up to HELD
   * problems are held until the end; past that, they are handed on HELD at a time (a file
   * with more may then see a problem the end tells about an earlier line come after later
   * ones), so the memory stays bounded however many problems a file has.
   */
  constructor(
    options: CheckOptions,
    private readonly onProblem?: (problem: Problem) => void,
  ) {
    const max = options.maxProblems;
    this.max = max !== undefined && max >= 0 ? max : undefined;
    this.overrides = options.severity;
  }

  /** Counts a problem found; returns its severity after the settings, undefined when it is off. */
  count(code: string, severity: Severity): Severity | undefined {
    const setting = this.overrides?.[code];
    if (setting === 'off') return undefined;
    const final = setting ?? severity;
    if (final === 'error') this.counts.errors++;
    else if (final === 'warning') this.counts.warnings++;
    else this.counts.infos++;
    return final;
  }

  /**
   * Whether a counted problem at this position would be listed: callers skip building the ones
   * that would not (most of them, in a file with a million problems and a cap of 1,000).
   */
  wants(line: number, column: number, severity: Severity): boolean {
    if (this.max === undefined) return true;
    if (this.onProblem) return this.handed + this.line.length < this.max;
    const worst = this.worst;
    if (!worst) return this.max > 0;
    // Equal positions keep their order of arrival, so a tie with the last kept one is cut too.
    return (
      (line - worst.line || column - worst.column || RANK[severity] - RANK[worst.severity]) < 0
    );
  }

  /** Lists a problem that was counted and is wanted (its severity already the final one). */
  keep(problem: Problem): void {
    if (this.onProblem) {
      this.line.push(problem);
      if (this.line.length >= 2 * HELD) this.flushLine(HELD);
      return;
    }
    this.kept.push(problem);
    // Sorting a stable list and cutting it never drops a problem that belongs in the first `max`.
    if (this.max !== undefined && this.kept.length >= 2 * this.max + 64) this.trim();
  }

  /** Counts a problem and lists it if it is among the first `maxProblems`. */
  add(problem: Problem): void {
    const severity = this.count(problem.code, problem.severity);
    if (severity === undefined || !this.wants(problem.line, problem.column, severity)) return;
    this.keep(severity === problem.severity ? problem : { ...problem, severity });
  }

  addAll(problems: Iterable<Problem>): void {
    for (const p of problems) this.add(p);
  }

  /** The problems kept, in position order, at most `maxProblems`. */
  finish(): Problem[] {
    this.flushLine();
    this.trim();
    return this.kept;
  }

  private trim(): void {
    this.kept.sort(byPosition);
    if (this.max === undefined || this.kept.length < this.max) return;
    this.kept.length = this.max;
    this.worst = this.kept[this.max - 1];
  }

  /** Hands on the first `count` held problems in position order (all of them by default). */
  private flushLine(count = Infinity): void {
    if (this.line.length === 0) return;
    this.line.sort(byPosition);
    const batch = count >= this.line.length ? this.line : this.line.slice(0, count);
    this.line = count >= this.line.length ? [] : this.line.slice(count);
    this.handed += batch.length;
    for (const p of batch) this.onProblem!(p);
  }
}
