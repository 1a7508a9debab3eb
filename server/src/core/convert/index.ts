// "Convert to responses format": one batch line for /v1/chat/completions → the same request for
// /v1/responses. Pure (text in, text and reports out) so the CLI, the language server and the
// tests share it. Nothing is dropped or invented silently: a field with no responses equivalent
// stays where it was and is listed in `notCarried`; every default written is listed in `notes`.

import { nestsDeeperThan, tooDeepReason } from '../depth';
import { chatOnlyKeys, convertBody } from './body';
import type { JsonObject, NotCarried, ValueChange } from './context';
import { Ctx, isObject } from './context';
import { readExact, setKey, writeExact } from './exact-json';
import type { ExactRead } from './exact-json';
import type { DialectId } from '../dialects/table';
import { dialectLabel } from '../dialects/table';
import { otherProvider } from './other-provider';
import { parseLine } from '../parse-line';

export type { NotCarried, ValueChange } from './context';

export interface LineConversion {
  status: 'converted' | 'unchanged' | 'unparseable' | 'not-chat';
  /** The new line text; identical to the input unless `status` is `converted`. */
  text: string;
  /** What stayed as it was because responses has no equivalent, or that needs a decision. */
  notCarried: NotCarried[];
  /**
   * Every value the conversion dropped, added or changed beyond renaming what maps (a null
   * parameter dropped, `n: 1` dropped, `strict: false` written, a duplicate key's earlier
   * value): reported like what needs a decision, so a conversion is lossless or says so.
   */
  changes: ValueChange[];
  /** Informational: behaviour that differs between the APIs (no value of the line changed). */
  notes: string[];
  /** Why the line could not be read, for `unparseable`. */
  error?: string;
  /**
   * For `not-chat`: the line is a request of another provider's batch format (an Anthropic
   * line), which this conversion does not read; front ends say so rather than pass it silently.
   */
  provider?: DialectId;
}

export const CHAT_URL = '/v1/chat/completions';
export const RESPONSES_URL = '/v1/responses';

/** Said once per file by front ends, not per line: the results of a converted batch look different. */
export const OUTPUT_SHAPE_NOTE =
  'Responses results have another shape: output[] / output_text instead of choices, and usage counts input_tokens / output_tokens.';

/**
 * Converts one line (without its line break). The envelope keeps its keys and their order; the
 * body is rewritten compactly with `model` and `input` first. Every number literal is copied
 * character for character, and keys of any name (`__proto__` too) are kept.
 */
export function convertLineToResponses(lineText: string): LineConversion {
  if (nestsDeeperThan(lineText)) return tooDeepLine(lineText);
  try {
    return convertLine(lineText);
  } catch (error) {
    // Pathological input (nesting deep enough to exhaust the stack) leaves the line as it was.
    if (error instanceof RangeError) return tooDeepLine(lineText);
    return {
      status: 'unparseable',
      text: lineText,
      notCarried: [],
      changes: [],
      notes: [],
      error: `This line was not converted: ${String(error)}.`,
    };
  }
}

/** A line nested deeper than any stage reads (see depth.ts): left as it was, and said so. */
export function tooDeepLine(lineText: string): LineConversion {
  return {
    status: 'unparseable',
    text: lineText,
    notCarried: [],
    changes: [],
    notes: [],
    error: `This line was not converted: ${tooDeepReason()}.`,
  };
}

function convertLine(lineText: string): LineConversion {
  const same = (
    status: LineConversion['status'],
    notes: string[] = [],
    error?: string,
  ): LineConversion => {
    const result: LineConversion = { status, text: lineText, notCarried: [], changes: [], notes };
    if (error !== undefined) result.error = error;
    return result;
  };
  if (lineText.trim() === '') return same('unchanged');
  let read: ExactRead;
  try {
    parseLine(lineText); // the strict check, with the message users know (long strings not copied)
    read = readExact(lineText);
  } catch (err) {
    if (err instanceof RangeError) throw err;
    const detail = err instanceof Error ? err.message : String(err);
    return same(
      'unparseable',
      [],
      `This line is not valid JSON, so it was not converted (${detail}).`,
    );
  }
  const line = read.value;
  if (!isObject(line)) return same('not-chat', ['Not a request object; nothing to convert.']);
  const provider = otherProvider(line, 'responses');
  if (provider) return otherProviderLine(lineText, provider, 'responses');
  // A /v1/responses line written with chat fields (messages, max_tokens, …): those are converted.
  const from = line.url === RESPONSES_URL ? 'responses' : 'chat';
  if (from === 'responses' && (!isObject(line.body) || chatOnlyKeys(line.body).length === 0))
    return same('unchanged');
  if (from === 'chat' && line.url !== CHAT_URL) {
    return same('not-chat', [
      `Only ${CHAT_URL} lines are converted; this one's url is ${JSON.stringify(line.url ?? null)}.`,
    ]);
  }

  const ctx = new Ctx();
  for (const { path, key } of read.duplicates) ctx.duplicate(path, key);
  const converted: JsonObject = {};
  for (const key of Object.keys(line)) {
    if (key === 'url') converted.url = RESPONSES_URL;
    else if (key === 'body' && isObject(line.body))
      converted.body = convertBody(ctx, line.body, from);
    else setKey(converted, key, line[key] ?? null);
  }
  if (!isObject(line.body)) {
    ctx.keep(['body'], ['body'], 'the body is not an object; only the url was converted');
  }
  // A /v1/responses line whose chat fields all stay where they are (no equivalent, or their
  // target already given) is not converted: the check says what is wrong with it.
  if (from === 'responses' && sameKeys(line.body as JsonObject, converted.body as JsonObject))
    return same('unchanged');
  return {
    status: 'converted',
    text: writeExact(converted),
    notCarried: ctx.notCarried,
    changes: ctx.changes,
    notes: ctx.notes,
  };
}

function sameKeys(a: JsonObject, b: JsonObject): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k));
}

/**
 * A line of another provider's batch format, left as it was: `not-chat` with `provider` set and
 * the reason in `notes`.
 */
export function otherProviderLine(
  lineText: string,
  provider: DialectId,
  target: string,
): LineConversion {
  return {
    status: 'not-chat',
    text: lineText,
    notCarried: [],
    changes: [],
    notes: [
      `A line of ${dialectLabel(provider)}: convert --to ${target} reads ${
        target === 'responses'
          ? "OpenAI's /v1/chat/completions lines"
          : "chat completions lines (OpenAI's or Azure's, or bodies without method and url)"
      }, not this provider's.`,
    ],
    provider,
  };
}
