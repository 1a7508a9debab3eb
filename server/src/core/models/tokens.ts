// Token counts with gpt-tokenizer (pure JS, the fastest measured). Its encodings are megabytes of
// tables, so each is loaded on first use: most checks never count a token. Byte-pair merging
// slows down sharply on long runs without spaces (16 KB of one letter: 0.45 s; 64 KB: 8 s), so
// text is counted in slices cut before a space, and hard-cut short where there is none.
// The web-worker build ships no encodings (they would triple the package): there every count is
// `undefined`, and callers say that tokens could not be counted.

import type { ModelFacts } from './types';

type Count = (text: string, options: { disallowedSpecial: Set<string> }) => number;

const counters = new Map<string, Count>();

/** Special tokens inside user text (`<|endoftext|>`) are text to the API: count, never throw. */
const AS_TEXT = { disallowedSpecial: new Set<string>() };

/** A slice ends before the last space within this many characters... */
const SLICE = 512;
/** ...or, with no space in it, is cut here (merging cost grows with the square of a run). */
const HARD_SLICE = 128;
const SPACE = 0x20;

function counterFor(tokenizer: ModelFacts['tokenizer']): Count | undefined {
  const name = tokenizer ?? 'o200k_base';
  let count = counters.get(name);
  if (!count) {
    // require, not import: the bundle loads the encoding's file only when this line runs.
    /* eslint-disable @typescript-eslint/no-require-imports -- a lazy load, on purpose */
    const encoding = (
      name === 'cl100k_base'
        ? require('gpt-tokenizer/encoding/cl100k_base')
        : require('gpt-tokenizer/encoding/o200k_base')
    ) as { countTokens?: Count };
    /* eslint-enable @typescript-eslint/no-require-imports */
    // The web build resolves the encodings to an empty module.
    if (!encoding.countTokens) return undefined;
    count = encoding.countTokens;
    counters.set(name, count);
  }
  return count;
}

export interface TokenCount {
  /** Tokens counted; every token of the text when `complete`. */
  tokens: number;
  /** Slices cut inside a run without spaces: each may have added one token. */
  hardCuts: number;
  /** False when counting stopped past `stopAfter`. */
  complete: boolean;
}

/**
 * Tokens of `texts` in the model's encoding (o200k_base when the table does not say), stopping
 * once the count passes `stopAfter`, so the work is bounded by it and not by the text's size.
 * Loads the encoding on first call (about half a second). `undefined` where the build carries no
 * encodings (the web worker). The text goes to the encoder in slices of at most 512 characters
 * (see nextCut), so the work is linear in its length; the count may exceed the encoder's own
 * count of the whole text by at most one token per hard cut (`hardCuts`), never by more.
 */
export function countTokens(
  texts: readonly string[],
  tokenizer: ModelFacts['tokenizer'],
  stopAfter = Infinity,
): TokenCount | undefined {
  const count = counterFor(tokenizer);
  if (!count) return undefined;
  let tokens = 0;
  let hardCuts = 0;
  for (const text of texts) {
    for (let start = 0; start < text.length;) {
      const cut = nextCut(text, start);
      if (cut.hard) hardCuts++;
      tokens += count(text.slice(start, cut.end), AS_TEXT);
      start = cut.end;
      if (tokens - hardCuts > stopAfter) return { tokens, hardCuts, complete: false };
    }
  }
  return { tokens, hardCuts, complete: true };
}

/** What the slicing reads of a text: a string, or a counting stand-in in tests. */
export interface CharSource {
  readonly length: number;
  charCodeAt(index: number): number;
}

/**
 * Where the slice that starts at `start` ends: before the last space of the next SLICE characters
 * (a cut there changes no token: spaces begin pieces), or, with none, HARD_SLICE characters on
 * (`hard`: the two sides are encoded apart, so each hard cut may add one token to the count).
 * It reads only the characters of that one slice, never the text before it, so slicing a text
 * reads each character at most SLICE / HARD_SLICE times: linear however long a run without
 * spaces is (a search back from the end of the slice to the start of the text read 1 MB of one
 * letter about 4,000 times over).
 */
export function nextCut(text: CharSource, start: number): { end: number; hard: boolean } {
  const end = Math.min(start + SLICE, text.length);
  if (end === text.length) return { end, hard: false };
  for (let at = end; at > start; at--) {
    if (text.charCodeAt(at) === SPACE) return { end: at, hard: false };
  }
  // Never split a surrogate pair.
  const hard = start + HARD_SLICE;
  return { end: isHighSurrogate(text.charCodeAt(hard - 1)) ? hard - 1 : hard, hard: true };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
