// The requests of a file as `check` counts them, for the estimate: a line that parses, a line
// whose JSON check repairs (typographic or single quotes, Python literals, trailing commas), and a
// request pretty-printed over several lines, joined as check joins it (the same BlockFinder). The
// last two are refused by the Batch API as they are, so the estimate counts them and says so.

import { nestsDeeperThan } from '../depth';
import { isObject } from '../json';
import { BlockFinder } from '../syntax/block-finder';
import type { Block } from '../syntax/blocks';
import { applyReplacements } from '../syntax/repair';
import { lineRepairs } from '../syntax/line-repairs';

/** How a request was read: as written, once its JSON is repaired, or joined from several lines. */
export type RequestForm = 'line' | 'repaired' | 'joined';

interface Item {
  text: string;
  opensBlock: boolean;
  /** The line's request when it parses as an object, as written or repaired. */
  value?: Record<string, unknown>;
  repaired?: boolean;
}

/**
 * Feed it the lines of a file in order, then call end(). Each request goes to `request` once, in
 * file order, with its form; each line that is none goes to `skipped` (blank lines go nowhere).
 * Memory: the lines of one unfinished pretty-printed request at most (MAX_BLOCK_LINES).
 */
export class RequestLines {
  private readonly finder: BlockFinder<Item>;

  constructor(request: (value: unknown, form: RequestForm) => void, skipped: () => void) {
    this.finder = new BlockFinder<Item>({
      single: (item) => {
        if (item.value === undefined) skipped();
        else request(item.value, item.repaired ? 'repaired' : 'line');
      },
      block: (block: Block) => {
        if (nestsDeeperThan(block.joined)) skipped();
        else request(JSON.parse(block.joined), 'joined');
      },
    });
  }

  /** One line, without its line ending. */
  line(text: string): void {
    if (text.trim() === '') return;
    this.finder.push(readLine(text));
  }

  /** The last line was given: lines still waiting for a block's end are read on their own. */
  end(): void {
    this.finder.end();
  }
}

/** A line as the block search sees it, with its request when it holds one (see checkLine). */
function readLine(text: string): Item {
  // A line deeper than any stage reads is neither parsed nor joined (see depth.ts).
  if (nestsDeeperThan(text)) return { text, opensBlock: false };
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) ? { text, opensBlock: false, value } : { text, opensBlock: false };
  } catch {
    // Not JSON as written: the repairs check offers (diagnoseSyntax), or the opening line of a
    // request spread over several lines.
  }
  const scan = lineRepairs(text);
  if (scan.unterminated) return { text, opensBlock: false };
  if (scan.replacements.length > 0) {
    try {
      const value: unknown = JSON.parse(applyReplacements(text, scan.replacements));
      if (isObject(value)) return { text, opensBlock: false, value, repaired: true };
    } catch {
      // Repaired, still not JSON: a line that is not a request.
    }
  }
  return { text, opensBlock: scan.depth > 0 && text.trimStart().startsWith('{') };
}
