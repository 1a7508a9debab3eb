// Turns one ajv error into one Finding worded as the API words it (see the message templates in
// words.ts). Endpoint-specific wording and fix references are added afterwards by the endpoint's
// refiner; this file only knows JSON Schema keywords.
import type { AjvError, SchemaFacts } from './compiled-types';
import type { Finding, JsonPath, KeyRepair, PathSegment, ProblemCode } from '../types';
import { atDefault } from '../catalogue';
import { pointerToPath, valueAt } from './pointer';
import { formatParam, elide } from '../words';
import { certainRename, didYouMean, suggestKeys } from './suggest';
import { isObject } from '../json';
import {
  invalidTypeMessage,
  invalidValueMessage,
  missingMessage,
  quoteList,
  showValue,
  unknownMessage,
} from '../words';

/** What the phrasing of one validator run needs. */
export interface PhraseContext {
  /** The validated value: the whole line for the envelope, the body for a body. */
  root: unknown;
  /** Path from the line root to `root`: [] or ['body']. */
  prefix: JsonPath;
  /** Facts about the schema nodes, keyed by schema pointer. */
  facts: Record<string, SchemaFacts>;
}

/** An ajv error with its location decoded, handed to the endpoint refiners. */
export interface Issue {
  error: AjvError;
  /** Path of the node the error is about, relative to the validated value. */
  at: PathSegment[];
  /** The value at `at`. */
  value: unknown;
}

export function toIssue(error: AjvError, root: unknown): Issue {
  const at = pointerToPath(error.instancePath, root);
  return { error, at, value: valueAt(root, at) };
}

/** The schema node an error's keyword sits in: `#/properties/n/minimum` -> `#/properties/n`. */
function factsFor(error: AjvError, ctx: PhraseContext): SchemaFacts {
  const node = error.schemaPath.slice(0, error.schemaPath.lastIndexOf('/'));
  return ctx.facts[node] ?? {};
}

function finding(
  ctx: PhraseContext,
  at: JsonPath,
  fields: Omit<Finding, 'path' | 'param' | 'severity'>,
): Finding {
  const param = formatParam(at);
  return atDefault({
    ...fields,
    ...(param === '' ? {} : { param }),
    path: [...ctx.prefix, ...at],
  });
}

/** A missing property, reported on the object that lacks it, named by its own path. */
function missingFinding(ctx: PhraseContext, at: JsonPath, target: JsonPath): Finding {
  return {
    ...finding(ctx, at, { code: 'missing_required_parameter', anchor: 'parent-key', message: '' }),
    param: formatParam(target),
    message: missingMessage(formatParam(target)),
  };
}

/** The schema pointer of the object an error's keyword sits in. */
function objectPointer(error: AjvError): string {
  return error.schemaPath.slice(0, error.schemaPath.lastIndexOf('/'));
}

/**
 * Keys the object at the issue holds but its schema does not take, which the absent property
 * `into` declares: moving them into it repairs both mistakes (`{"type": "image_url", "url": …}`
 * lacks `image_url` and has a stray `url`). Undefined when `into` declares none of them.
 *
 * Creating an object around keys is safe only where this place requires that object: the
 * request cannot go without it, and its tag already says what it is (an image part's
 * `image_url`). An optional object switches on something the request did not ask for
 * (`"format": "json"` → `"audio": {"format": "json"}` asks for spoken output), so that move is
 * only offered, for a decision.
 */
function nestRepair(issue: Issue, ctx: PhraseContext, into: string): KeyRepair | undefined {
  const object = issue.value;
  if (typeof object !== 'object' || object === null || Array.isArray(object)) return undefined;
  const pointer = objectPointer(issue.error);
  const own = ctx.facts[pointer]?.keys;
  const inner = ctx.facts[`${pointer}/properties/${into}`];
  if (!own || inner?.expected !== 'an object' || !inner.keys) return undefined;
  const keys = Object.keys(object).filter((k) => !own.includes(k) && inner.keys!.includes(k));
  if (keys.length === 0 || into in object) return undefined;
  const required = ctx.facts[pointer]?.required?.includes(into) === true;
  return { id: 'nest-keys', path: [...ctx.prefix, ...issue.at], into, keys, safe: required };
}

/**
 * The repair that keeps an unknown key, when exactly one exists, and whether `batchlint fix` may
 * make it unattended (`safe`; the line check then confirms it adds no problem, see
 * fixes/confirm.ts):
 * - moved into the one object property of this object that declares the key: safe into that
 *   object when it is there (the key then says what it said, where the API reads it), else
 *   creating it as nestRepair says;
 * - renamed to the one known key it is close to (and that is not there): safe only for a
 *   misspelling beyond doubt (certainRename: `maxTokens`, `temprature`), never for a near miss
 *   that may be another parameter (`top_k` → `top_p`).
 */
function keyRepair(issue: Issue, ctx: PhraseContext, key: string): { repair?: KeyRepair } {
  const object = issue.value as Record<string, unknown>;
  const pointer = objectPointer(issue.error);
  const own = ctx.facts[pointer]?.keys ?? [];
  // Which object properties declare this key, asked of the key alone: a body of thousands of
  // unknown keys costs one look per key and property, not one per key, property and key.
  const homes = own.filter((into) => {
    const inner = ctx.facts[`${pointer}/properties/${into}`];
    return inner?.expected === 'an object' && inner.keys?.includes(key) === true;
  });
  if (homes.length > 1) return {};
  const into = homes[0];
  if (into !== undefined && !(into in object)) {
    const nest = nestRepair(issue, ctx, into);
    if (nest) return { repair: nest };
  } else if (into !== undefined) {
    const inner = object[into];
    if (isObject(inner) && !(key in inner)) {
      const path = [...ctx.prefix, ...issue.at];
      return { repair: { id: 'nest-keys', path, into, keys: [key], safe: true } };
    }
  }
  const close = suggestKeys(key, own).filter((k) => !(k in object));
  if (close.length !== 1) return {};
  const to = close[0]!;
  const path = [...ctx.prefix, ...issue.at, key];
  return { repair: { id: 'rename-key', path, to, safe: certainRename(key, own) === to } };
}

function num(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}

/** Phrases one error; undefined for errors that only restate another one (see collapse.ts). */
export function phraseIssue(issue: Issue, ctx: PhraseContext): Finding | undefined {
  const { error, at, value } = issue;
  const p = error.params;
  const param = formatParam(at);
  const facts = factsFor(error, ctx);
  switch (error.keyword) {
    case 'type':
      return finding(ctx, at, {
        code: 'invalid_type',
        anchor: 'value',
        message: invalidTypeMessage(param, facts.expected ?? `a ${String(p.type)}`, value),
      });
    case 'enum':
    case 'const': {
      const allowed = error.keyword === 'enum' ? (p.allowedValues as unknown[]) : [p.allowedValue];
      return finding(ctx, at, {
        code: 'invalid_value',
        anchor: 'value',
        message: invalidValueMessage(
          value,
          allowed.filter((v) => v !== null),
        ),
      });
    }
    case 'required': {
      const missing = missingFinding(ctx, at, [...at, String(p.missingProperty)]);
      const nest = nestRepair(issue, ctx, String(p.missingProperty));
      return nest ? { ...missing, fix: nest } : missing;
    }
    case 'additionalProperties': {
      const key = [...at, String(p.additionalProperty)];
      const path = [...ctx.prefix, ...key];
      return {
        ...finding(ctx, key, {
          code: 'unknown_parameter',
          anchor: 'key',
          message:
            unknownMessage(formatParam(key)) +
            didYouMean(key[key.length - 1] as string, facts.keys),
        }),
        fix: { id: 'remove-key', path, ...keyRepair(issue, ctx, String(p.additionalProperty)) },
      };
    }
    case 'discriminator':
      return phraseDiscriminator(issue, ctx, facts);
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const kind = facts.numeric ?? (Number.isInteger(value) ? 'integer' : 'decimal');
      const below = error.keyword.toLowerCase().includes('min');
      const op = String(p.comparison ?? (below ? '>=' : '<='));
      return finding(ctx, at, {
        code: `${kind}_${below ? 'below_min' : 'above_max'}_value` as const,
        anchor: 'value',
        message:
          `Invalid '${elide(param)}': ${kind} ${below ? 'below minimum' : 'above maximum'} value. ` +
          `Expected a value ${op} ${num(p.limit)}, but got ${showValue(value)} instead.`,
        // Clamping to an inclusive bound changes the request's meaning: offered, never automatic.
        ...(op.length === 2 && {
          fix: { id: 'set-value', path: [...ctx.prefix, ...at], value: num(p.limit), safe: false },
        }),
      });
    }
    case 'minItems':
    case 'maxItems':
    case 'minLength':
    case 'maxLength':
      return phraseLength(issue, ctx);
    case 'maxProperties':
      return finding(ctx, at, {
        code: 'object_above_max_properties',
        anchor: 'value',
        message:
          `Invalid '${elide(param)}': too many properties. Expected an object with at most ${num(p.limit)} ` +
          `properties, but got an object with ${Object.keys(value ?? {}).length} properties instead.`,
      });
    case 'pattern':
      return finding(ctx, at, {
        code: 'invalid_value',
        anchor: 'value',
        message:
          `Invalid '${elide(param)}': string does not match pattern. ` +
          `Expected a string that matches the pattern '${String(p.pattern)}'.`,
      });
    default:
      return finding(ctx, at, {
        code: 'invalid_value',
        anchor: 'value',
        message: `Invalid value for '${elide(param)}'.`,
      });
  }
}

function phraseDiscriminator(issue: Issue, ctx: PhraseContext, facts: SchemaFacts): Finding {
  const { error, at, value } = issue;
  const tag = String(error.params.tag);
  const tagAt = [...at, tag];
  const tagValue = (value as Record<string, unknown> | undefined)?.[tag];
  if (error.params.error === 'mapping') {
    // A value the API lists but this position refuses (a refusal part in a user message) is
    // answered with what this position accepts, so the message never contradicts itself.
    const listed = facts.supported ?? [];
    const supported = facts.accepted && listed.includes(String(tagValue)) ? facts.accepted : listed;
    // The API's list names every place's values; hover and completion offer this place's
    // (the schema's branches), so the message says which of the listed ones apply here.
    const narrower =
      facts.accepted && supported === listed && facts.accepted.length < listed.length
        ? ` Here only ${quoteList(facts.accepted)} apply.`
        : '';
    return finding(ctx, tagAt, {
      code: 'invalid_value',
      anchor: 'value',
      message: invalidValueMessage(tagValue, supported) + narrower,
    });
  }
  if (tagValue === undefined) {
    return missingFinding(ctx, at, tagAt);
  }
  return finding(ctx, tagAt, {
    code: 'invalid_type',
    anchor: 'value',
    message: invalidTypeMessage(formatParam(tagAt), 'a string', tagValue),
  });
}

function phraseLength(issue: Issue, ctx: PhraseContext): Finding {
  const { error, at, value } = issue;
  const limit = num(error.params.limit);
  // propertyNames errors are about a key of this object, not about its value.
  const key = (error as AjvError & { propertyName?: string }).propertyName;
  const target: PathSegment[] = key === undefined ? at : [...at, key];
  const param = formatParam(at);
  const isArray = error.keyword.endsWith('Items');
  const unit = isArray ? 'array' : key === undefined ? 'string' : 'key';
  const actual = key ?? value;
  const length = Array.isArray(actual) || typeof actual === 'string' ? actual.length : 0;
  const min = error.keyword.startsWith('min');
  let code: ProblemCode;
  let problem: string;
  if (min && limit === 1 && length === 0) {
    code = isArray ? 'empty_array' : 'empty_string';
    problem = `empty ${unit}. Expected ${unit === 'array' ? 'an' : 'a'} ${unit} with minimum length 1, but got an empty ${unit} instead.`;
  } else {
    code = `${isArray ? 'array' : 'string'}_${min ? 'below_min' : 'above_max'}_length` as const;
    const article = unit === 'array' ? 'an' : 'a';
    problem =
      `${unit} too ${min ? 'short' : 'long'}. Expected ${article} ${unit} with ` +
      `${min ? 'minimum' : 'maximum'} length ${limit}, but got ${article} ${unit} with length ${length} instead.`;
  }
  return finding(ctx, target, {
    code,
    anchor: key === undefined ? 'value' : 'key',
    message: `Invalid '${elide(param)}': ${problem}`,
  });
}
