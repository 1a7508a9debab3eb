// The documented size limits of a strict schema: properties, characters and enum values across
// the whole schema, and the characters of one large enum. How the API counts is not documented;
// this counts as the official Java SDK does (every `properties` key, `$defs` once each).

import type { Anchor, JsonPath, PathSegment, Severity } from '../types';
import { isObject } from '../json';
import { formatContext } from './context';
import { LIMITS } from './keywords';
import type { Wording } from './keywords';
import { apiWords, OURS, ourWords } from './messages';
import type { StrictRule } from './types';

/** Counts gathered while the checker walks the schema (each node is visited once). */
export class Tally {
  properties = 0;
  stringLength = 0;
  enumValues = 0;
  /** Enums with more than LIMITS.largeEnum values and their total characters. */
  readonly largeEnums: { path: JsonPath; chars: number }[] = [];

  node(node: Record<string, unknown>, path: readonly PathSegment[]): void {
    if (isObject(node.properties)) {
      for (const key of Object.keys(node.properties)) {
        this.properties++;
        this.stringLength += key.length;
      }
    }
    if (typeof node.const === 'string') this.stringLength += node.const.length;
    if (Array.isArray(node.enum)) {
      this.enumValues += node.enum.length;
      let chars = 0;
      for (const value of node.enum) if (typeof value === 'string') chars += value.length;
      this.stringLength += chars;
      if (node.enum.length > LIMITS.largeEnum) {
        this.largeEnums.push({ path: [...path, 'enum'], chars });
      }
    }
  }

  definitions(defs: Record<string, unknown>): void {
    for (const name of Object.keys(defs)) this.stringLength += name.length;
  }
}

export interface LimitFinding {
  rule: StrictRule;
  message: string;
  where: { path: JsonPath; anchor: Anchor; context?: string };
  extra: { severity?: Severity; wording?: Wording; hint?: string };
}

/** The limits the tally exceeds; whole-schema limits are shown on the schema itself. */
export function checkLimits(tally: Tally): LimitFinding[] {
  const found: LimitFinding[] = [];
  const root = { path: [], anchor: 'key' as const };
  const ours = { wording: 'ours' as const, hint: OURS };
  if (tally.properties > LIMITS.properties) {
    found.push({
      rule: 'too-many-properties',
      message: ourWords.tooManyProperties(tally.properties, LIMITS.properties),
      where: root,
      extra: ours,
    });
  }
  if (tally.stringLength > LIMITS.stringLength) {
    found.push({
      rule: 'strings-too-long',
      message: ourWords.stringsTooLong(tally.stringLength, LIMITS.stringLength),
      where: root,
      extra: ours,
    });
  }
  if (tally.enumValues > LIMITS.enumValues) {
    found.push({
      rule: 'too-many-enum-values',
      message: apiWords.enumValues(LIMITS.enumValues, tally.enumValues),
      where: root,
      // Quoted with the 500 of 2024; the 1000 of today is seen only in a log.
      extra: { wording: 'likely' },
    });
  }
  for (const big of tally.largeEnums) {
    if (big.chars <= LIMITS.largeEnumChars) continue;
    found.push({
      rule: 'enum-too-long',
      message: apiWords.enumChars(LIMITS.largeEnumChars, LIMITS.largeEnum, big.chars),
      where: { path: big.path, anchor: 'key', context: formatContext(big.path.slice(0, -1)) },
      extra: { wording: 'likely' },
    });
  }
  return found;
}
