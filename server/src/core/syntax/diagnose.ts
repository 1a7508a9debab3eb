// Explains why a line is not JSON: where the reader stopped and, for what people commonly paste
// (typographic quotes, Python literals, trailing commas), the exact repair.

import { parseTree, printParseErrorCode } from 'jsonc-parser';
import type { ParseError, ParseErrorCode } from 'jsonc-parser';
import type { FixRef } from '../types';
import { scanLenient, applyReplacements } from './repair';
import type { RepairKind } from './repair';
import { isArrayBracketLine, lineRepairs } from './line-repairs';

/** The API's own words for a line it cannot parse (batch validation, `invalid_json_line`). */
export const INVALID_JSON_LINE = 'This line is not parseable as valid JSON.';

export interface SyntaxDiagnosis {
  message: string;
  start: number;
  end: number;
  fix?: FixRef;
  /** The line opens an object it does not close: maybe the first line of a pretty-printed request. */
  opensBlock: boolean;
  /** The line is only an array's bracket (see LineResult.arrayBracket). */
  arrayBracket?: boolean;
}

const REPAIR_WORDS: Record<RepairKind, string> = {
  'typographic-quotes':
    'typographic quotes (“ ” or ‘ ’) where JSON needs straight double quotes (")',
  'single-quotes': 'single-quoted strings where JSON needs double quotes',
  'python-literals': 'Python literals (True, False, None) where JSON has true, false, null',
  'trailing-comma': 'a trailing comma before a closing bracket',
  'array-punctuation':
    'the brackets or commas of a JSON array around the request, where JSONL has one request per line with nothing around it',
};

/** Describes the repairs in one sentence fragment, in a fixed order. */
export function describeRepairs(kinds: Iterable<RepairKind>): string {
  const set = new Set(kinds);
  const parts = (Object.keys(REPAIR_WORDS) as RepairKind[]).filter((k) => set.has(k));
  return parts.map((k) => REPAIR_WORDS[k]).join('; ');
}

/**
 * Whether a line that does not parse opens an object it does not close: maybe the first line of
 * a pretty-printed request (SyntaxDiagnosis.opensBlock, and what split asks of a line). `shape`
 * is the line's scan when the caller has it; otherwise the line is scanned only if it starts
 * with a brace.
 */
export function opensObject(
  text: string,
  shape?: { depth: number; unterminated: boolean },
): boolean {
  if (!text.trimStart().startsWith('{')) return false;
  const { depth, unterminated } = shape ?? scanLenient(text);
  return !unterminated && depth > 0;
}

export function diagnoseSyntax(text: string): SyntaxDiagnosis {
  // One scan for the line's shape and its repairs.
  const repairs = lineRepairs(text);
  const opensBlock = opensObject(text, repairs);
  if (repairs.replacements.length > 0 && !repairs.unterminated) {
    const repaired = applyReplacements(text, repairs.replacements);
    if (parsesAsObject(repaired)) {
      const first = repairs.replacements[0]!;
      return {
        message: `${INVALID_JSON_LINE} It uses ${describeRepairs(repairs.kinds)}.`,
        start: first.start,
        end: Math.max(first.end, first.start + 1),
        fix: { id: 'repair-json', kinds: [...repairs.kinds] },
        opensBlock: false,
      };
    }
  }
  if (text.length > FULL_PARSE_LIMIT) return fromEngine(text, opensBlock);
  const errors: ParseError[] = [];
  try {
    parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  } catch {
    // The parser recurses per nesting level; past the stack's depth, report the whole line.
    return {
      message: `${INVALID_JSON_LINE} It is nested too deeply to read.`,
      start: 0,
      end: Math.max(1, text.length),
      opensBlock: false,
    };
  }
  const first = errors[0];
  if (!first) {
    return { message: INVALID_JSON_LINE, start: 0, end: text.length, opensBlock };
  }
  const start = Math.min(first.offset, Math.max(0, text.length - 1));
  const end = Math.min(text.length, Math.max(start + 1, first.offset + first.length));
  const column = first.offset + 1;
  const placeholder = /(^|[[{,:\s])(\.\.\.|\u2026)(?=[\s,\]}]|$)/.exec(text);
  const detail = placeholder
    ? `Found '${placeholder[2]}' outside a string: a placeholder must be replaced by real JSON.`
    : `${explain(first.error)} at column ${column}.`;
  const message = `${INVALID_JSON_LINE} ${detail}${arrayHint(text)}`;
  if (!isArrayBracketLine(text)) return { message, start, end, opensBlock };
  // Removed only where the block finder sees it outside every request (block-finder.ts).
  return { message, start, end, opensBlock, fix: { id: 'remove-line' }, arrayBracket: true };
}

export const JSONL_NOT_ARRAY =
  'a batch file is JSONL, one request object per line, with no [ ] around the requests and no commas between them.';

/**
 * Why a line that opens or closes an array is not JSONL: a list of requests written as one JSON
 * array (Python's json.dump of a list), the parser's position alone does not say.
 */
function arrayHint(text: string): string {
  const line = text.trim();
  if (line.startsWith('[') && !line.endsWith(']'))
    return ` This line opens a JSON array: ${JSONL_NOT_ARRAY}`;
  if (line === ']') return ` This line closes a JSON array: ${JSONL_NOT_ARRAY}`;
  return '';
}

/** Above this length the offset-aware parser is too slow per line; JSON.parse says where it stopped. */
const FULL_PARSE_LIMIT = 1 << 20;

function fromEngine(text: string, opensBlock: boolean): SyntaxDiagnosis {
  let position: number | undefined;
  try {
    JSON.parse(text);
  } catch (error) {
    const match = /at position (\d+)/.exec(error instanceof Error ? error.message : '');
    if (match) position = Number(match[1]);
  }
  if (position === undefined) {
    return { message: INVALID_JSON_LINE, start: 0, end: Math.max(1, text.length), opensBlock };
  }
  const start = Math.min(position, Math.max(0, text.length - 1));
  return {
    message: `${INVALID_JSON_LINE} The JSON breaks at column ${position + 1}.`,
    start,
    end: start + 1,
    opensBlock,
  };
}

function parsesAsObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

/** Plain words for the parser's error names (jsonc-parser's codes are a const enum). */
const EXPLANATIONS: Record<string, string> = {
  InvalidSymbol: 'Unexpected character',
  InvalidNumberFormat: 'Invalid number',
  PropertyNameExpected: 'Expected a property name in double quotes',
  ValueExpected: 'Expected a value',
  ColonExpected: "Expected ':' after the property name",
  CommaExpected: "Expected ',' between values",
  CloseBraceExpected: "Expected '}' to close the object",
  CloseBracketExpected: "Expected ']' to close the array",
  EndOfFileExpected: 'Expected the end of the line after the request (one request per line)',
  InvalidCommentToken: 'Comments are not allowed in JSON',
  UnexpectedEndOfComment: 'Unterminated comment',
  UnexpectedEndOfString: 'Unterminated string',
  UnexpectedEndOfNumber: 'Unterminated number',
  InvalidUnicode: 'Invalid \\u escape',
  InvalidEscapeCharacter: 'Invalid escape character',
  InvalidCharacter: 'Invalid character in a string (control characters must be escaped)',
};

function explain(code: ParseErrorCode): string {
  return EXPLANATIONS[printParseErrorCode(code)] ?? 'Invalid JSON';
}
