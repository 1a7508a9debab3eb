// Pretty-printed requests: one object spread over several lines, often pasted from a chat window
// or a notebook. JSONL readers see each of those lines as broken JSON; we see one request that
// needs joining, and offer exactly that.

import { scanLenient, applyReplacements } from './repair';
import { isRequestLike, lineRepairs } from './line-repairs';
import type { RepairKind } from './repair';
import { describeRepairs } from './diagnose';
import type { Problem } from '../types';
import { atDefault } from '../catalogue';

/** Longest block we try to join: beyond this, per-line syntax errors are the better report. */
export const MAX_BLOCK_LINES = 5000;

export interface Block {
  startLine: number;
  /** Inclusive. */
  endLine: number;
  /** The request as one line of valid JSON (the fix's result). */
  joined: string;
  repairs: RepairKind[];
  /** The joined object is a request (or a request body): see isRequestLike. */
  request: boolean;
}

/**
 * Starting at a line that opens an object, follows bracket depth down the next lines. Returns the
 * block when it closes on a line of its own and, joined (and repaired), parses as one object.
 */
export function findBlock(
  getLine: (line: number) => string,
  startLine: number,
  lineCount: number,
): Block | undefined {
  let depth = 0;
  const last = Math.min(lineCount - 1, startLine + MAX_BLOCK_LINES - 1);
  for (let line = startLine; line <= last; line++) {
    const scan = scanLenient(getLine(line), depth);
    if (scan.unterminated) return undefined;
    depth = scan.depth;
    if (depth <= 0) {
      if (depth < 0 || line === startLine) return undefined;
      return joinBlock(getLine, startLine, line);
    }
  }
  return undefined;
}

/** The block of lines startLine..endLine (inclusive) joined and repaired, if it parses as one object. */
export function joinBlock(
  getLine: (line: number) => string,
  startLine: number,
  endLine: number,
): Block | undefined {
  const parts: string[] = [];
  for (let line = startLine; line <= endLine; line++) {
    // Trimmed at both ends: the indentation of a request inside an array goes with the array.
    parts.push(getLine(line).trim());
  }
  const compact = parts.join('');
  // The comma after a request in a pretty-printed array of them is left out (line-repairs.ts).
  const repairs = lineRepairs(compact);
  const joined = applyReplacements(compact, repairs.replacements);
  let value: unknown;
  try {
    value = JSON.parse(joined);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return { startLine, endLine, joined, repairs: [...repairs.kinds], request: isRequestLike(value) };
}

function blockMessage(block: Block): string {
  const span = `lines ${block.startLine + 1}–${block.endLine + 1}`;
  const repairs =
    block.repairs.length > 0 ? ` It also uses ${describeRepairs(block.repairs)}.` : '';
  return `This request is spread over ${span}, but JSONL needs each request on one line: every one of these lines is rejected as invalid JSON.${repairs}`;
}

/** The one problem a pretty-printed request gets, spanning its lines, with the fix that joins them. */
export function blockProblem(block: Block, endColumn: number): Problem {
  return atDefault({
    code: 'multiline_request',
    message: blockMessage(block),
    line: block.startLine,
    column: 0,
    endLine: block.endLine,
    endColumn,
    fix: { id: 'join-lines', endLine: block.endLine },
  });
}
