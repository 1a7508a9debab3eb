// What the strict-schema checker reports: plain data, positioned by JSON paths inside the schema.

import type { Anchor, JsonPath, Severity } from '../types';
import type { Wording } from './keywords';

/** Which strict entry point a schema belongs to, as the API's message prefix names it. */
export type StrictKind = 'response_format' | 'function';

/** The strict-mode rules, one id each (the tests' conformance table is keyed by these). */
export const STRICT_RULES = [
  'root-type',
  'root-combinator',
  'additional-properties',
  'required-missing',
  'required-extra',
  'properties-missing',
  'type-missing',
  'type-unknown',
  'enum-without-type',
  'items-missing',
  'keyword-refused',
  'format',
  'ref-siblings',
  'ref-level',
  'ref-not-found',
  'schema-shape',
  'too-deep',
  'too-many-properties',
  'strings-too-long',
  'too-many-enum-values',
  'enum-too-long',
] as const;

export type StrictRule = (typeof STRICT_RULES)[number];

/** A repair that is unambiguous: what the official SDKs do to make a schema strict. */
export type StrictFix =
  | { kind: 'add-additional-properties' }
  /** Adds these keys to the node's `required` (creating it when absent). */
  | { kind: 'require-keys'; keys: string[] };

export interface StrictFinding {
  rule: StrictRule;
  severity: Severity;
  /** The message after the API's "Invalid schema for {kind} '{name}': " prefix. */
  message: string;
  /** How sure the wording is (see keywords.ts). */
  wording: Wording;
  /** The context tuple as the API prints it, e.g. `('properties', 'a')`; absent when it prints none. */
  context?: string;
  /** Path of the offending node (or keyword) from the schema's root. */
  path: JsonPath;
  anchor: Anchor;
  /** batchlint's hint, said after the API's words. */
  hint?: string;
  /** The repair on offer; it applies to the schema node at `fixPath`. */
  fix?: StrictFix;
  fixPath?: JsonPath;
}
