// Identical short lines get the same result: a file of a million "{}" lines (or of one request
// pasted over and over) is checked once per distinct line, and an open document keeps one result
// for all of them. Results are shared, so nobody may change one (front ends copy problems).

import { checkLine } from './line-check';
import type { LineResult } from './line-check';
import type { RuleContext } from './models/context';
import { defaultContext } from './models/context';

/** Longer lines are rarely repeated, and keeping them would cost memory in proportion. */
const MAX_TEXT = 512;
/** Distinct lines remembered; past this the memo starts over (a cheap bound on its memory). */
const MAX_ENTRIES = 4096;

export class LineMemo {
  private results = new Map<string, LineResult>();

  /** Results depend on the model table, so a memo serves one context. */
  constructor(private readonly context: RuleContext = defaultContext()) {}

  check(text: string): LineResult {
    if (text.length > MAX_TEXT) return checkLine(text, this.context);
    let result = this.results.get(text);
    if (!result) {
      if (this.results.size >= MAX_ENTRIES) this.results = new Map();
      result = checkLine(text, this.context);
      this.results.set(text, result);
    }
    return result;
  }
}
