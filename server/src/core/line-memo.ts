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

/**
 * A value computed from a line's text, remembered for short texts: the same text gives the same
 * value object. `compute` must depend on the text alone.
 */
export class TextMemo<T> {
  private values = new Map<string, T>();

  constructor(private readonly compute: (text: string) => T) {}

  get(text: string): T {
    if (text.length > MAX_TEXT) return this.compute(text);
    let value = this.values.get(text);
    if (value === undefined) {
      if (this.values.size >= MAX_ENTRIES) this.values = new Map();
      value = this.compute(text);
      this.values.set(text, value);
    }
    return value;
  }
}

/** checkLine, remembered for identical short lines. */
export class LineMemo {
  private readonly memo: TextMemo<LineResult>;

  /** Results depend on the model table, so a memo serves one context. */
  constructor(context: RuleContext = defaultContext()) {
    this.memo = new TextMemo((text) => checkLine(text, context));
  }

  check(text: string): LineResult {
    return this.memo.get(text);
  }
}
