// A line that holds a request body without the batch envelope around it
// (`{"model": "gpt-4o-mini", "messages": [...]}` where the line needs
// `{"custom_id", "method": "POST", "url", "body": {...}}`): a common first mistake. Such a line is
// recognised as batch input, said to be a body, checked as the body it is, and offered a fix that
// wraps it, with the url its shape names and a custom_id no other line uses.
//
// The interface is small on purpose, so other line shapes (other providers' envelopes) can sit
// beside it: `bareBodyOf` says whether a parsed line is a bare body and for which endpoints,
// `mentionsBareBody` is the cheap text test for "is this file batch input", and `wrapEnvelope` /
// `CustomIds` build the fix.

import type { Endpoint } from './types';
import type { RuleContext } from './models/context';
import { ENDPOINTS } from './endpoints';
import { hasBodySchema, validateBody } from './schema';
import { checkBodyRules } from './rules';

/** The envelope's keys: a line with any of them is a request (maybe a faulty one), not a bare body. */
const ENVELOPE_KEYS = ['custom_id', 'method', 'url', 'body'];
/**
 * What a body of an endpoint carries beside `model`: chat's `messages`, the `input` of responses,
 * embeddings and moderations, the `prompt` of completions, images and videos. A line needs
 * `model` too: chat fine-tuning data (`{"messages": [...]}`) and eval sets are JSONL without it.
 */
const BODY_MARKERS = ['messages', 'input', 'prompt'];

/** What a bare body is for. */
export interface BareBody {
  /**
   * The endpoints whose body this could be, in the manifest's order: those whose schema fits its
   * top-level keys best, narrowed by the model table's endpoints for its model when that leaves
   * any. One endpoint: the url is clear; several: the user picks.
   */
  endpoints: Endpoint[];
}

/**
 * Whether a parsed line is a request body without its envelope: none of custom_id, method, url
 * and body, a string `model`, and one of `messages` / `input` / `prompt`. Undefined otherwise.
 */
export function bareBodyOf(
  line: Record<string, unknown>,
  context: RuleContext,
): BareBody | undefined {
  if (typeof line.model !== 'string') return undefined;
  if (ENVELOPE_KEYS.some((k) => k in line)) return undefined;
  if (!BODY_MARKERS.some((k) => k in line)) return undefined;
  return { endpoints: endpointsFor(line, context) };
}

/**
 * The cheap text test behind "does this file look like batch input": a line (or its first few KB)
 * that names `model` and one of `messages` / `input` / `prompt` as keys and no `custom_id`.
 */
export function mentionsBareBody(text: string): boolean {
  return (
    /"model"\s*:/.test(text) &&
    /"(?:messages|input|prompt)"\s*:/.test(text) &&
    !/"custom_id"\s*:/.test(text)
  );
}

/**
 * The line wrapped in an envelope: `{"custom_id":…,"method":"POST","url":…,"body":` before it and
 * `}` after it, so every byte of the body stays as written. Returns the two insertions (offsets
 * in `text`): the text before the first non-blank character and after the last.
 */
export function wrapEnvelope(
  text: string,
  url: Endpoint,
  customId: string,
): { start: number; prefix: string; end: number; suffix: string } {
  const start = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  const prefix = `{"custom_id":${JSON.stringify(customId)},"method":"POST","url":${JSON.stringify(url)},"body":`;
  return { start, prefix, end, suffix: '}' };
}

/** The custom_ids CustomIds hands out are this and a number: `request-1`, `request-2`, … */
export const ALLOCATED_ID_PREFIX = 'request-';

/**
 * Hands out custom_ids for wrapped bodies: `request-1`, `request-2`, … in order, skipping every id
 * `taken` says is in use (and the ones handed out before).
 */
export class CustomIds {
  private next = 1;
  private readonly given = new Set<string>();

  constructor(private readonly taken: (id: string) => boolean) {}

  /** The next free id. */
  allocate(): string {
    for (;;) {
      const id = `${ALLOCATED_ID_PREFIX}${this.next++}`;
      if (!this.taken(id) && !this.given.has(id)) {
        this.given.add(id);
        return id;
      }
    }
  }

  /** Whether this allocator handed out `id`. */
  gave(id: string): boolean {
    return this.given.has(id);
  }
}

/** Top-level findings that say a body does not have an endpoint's shape. */
const MISFITS = new Set([
  'unknown_parameter',
  'unsupported_parameter',
  'missing_required_parameter',
  'invalid_type',
  'invalid_request',
]);

function endpointsFor(body: Record<string, unknown>, context: RuleContext): Endpoint[] {
  const scored = ENDPOINTS.filter(hasBodySchema).map((endpoint) => {
    // The schema and the endpoint's rules: some keys are refused by a rule (messages on
    // /v1/responses), not by the schema.
    const findings = validateBody(endpoint, body);
    checkBodyRules(endpoint, body, findings, context);
    const misfits = findings.filter((f) => f.path.length <= 2 && MISFITS.has(f.code)).length;
    return { endpoint, misfits };
  });
  const best = Math.min(...scored.map((s) => s.misfits));
  const fitting = scored.filter((s) => s.misfits === best).map((s) => s.endpoint);
  const served = context.models.resolve(body.model as string)?.facts.endpoints;
  const narrowed = served ? fitting.filter((e) => served.includes(e)) : [];
  return narrowed.length > 0 ? narrowed : fitting;
}
