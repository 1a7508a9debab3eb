// Schema validation of one batch line: the envelope, then the body with the validator chosen by
// the line's url. Validators are compiled at build time (scripts/compile-schemas.mjs); this file
// runs them and turns their errors into Findings worded as the API words them.
import type { Endpoint, Finding, JsonPath } from '../types';
import { atDefault } from '../catalogue';
import type { SchemaName } from '../generated';
import type { Refiner } from './refiner';
import { endpointManifest, schemaFacts, validators } from '../generated';
import { collapse } from './collapse';
import { phraseIssue, toIssue } from './phrase';
import { isObject } from '../json';
import { chatRefiner } from './chat-rules';
import { responsesRefiner } from './responses-rules';
import { gotLabel } from '../words';
import { batchValidatorFirst } from './batch-validator';

/** Endpoints whose bodies are validated here (a schema in the manifest); the others get a note. */
const BODY_SCHEMAS: Partial<Record<Endpoint, SchemaName>> = Object.fromEntries(
  endpointManifest.flatMap((row) => (row.schema ? [[row.url, row.schema]] : [])),
);

const REFINERS: Partial<Record<SchemaName, Refiner>> = {
  chatCompletions: chatRefiner,
  responses: responsesRefiner,
};

/** Whether the body of requests to `endpoint` is checked against a schema. */
export function hasBodySchema(endpoint: Endpoint): boolean {
  return BODY_SCHEMAS[endpoint] !== undefined;
}

function run(name: SchemaName, value: unknown, prefix: JsonPath, refiner?: Refiner): Finding[] {
  const validate = validators[name];
  const findings: Finding[] = [];
  if (!validate(value)) {
    const ctx = { root: value, prefix, facts: schemaFacts[name] };
    for (const error of collapse(validate.errors ?? [])) {
      const issue = toIssue(error, value);
      const phrased = phraseIssue(issue, ctx);
      const refined =
        phrased && refiner?.refine && isObject(value)
          ? refiner.refine(phrased, issue, value)
          : phrased;
      if (refined) findings.push(refined);
    }
  }
  return findings;
}

/**
 * Checks a parsed line's envelope: custom_id, method, url and body present and of the right
 * type, method POST. Other top-level keys are left to another rule (a warning, not an error).
 */
export function validateEnvelope(line: unknown): Finding[] {
  if (!isObject(line)) {
    return [
      atDefault({
        code: 'invalid_type',
        message: `Invalid type for the request: expected an object, but got ${gotLabel(line)} instead.`,
        path: [],
        anchor: 'value',
      }),
    ];
  }
  return run('envelope', line, []);
}

/**
 * Checks a request body against its endpoint's schema. Paths start with 'body'; params are the
 * API's, relative to the body. What the batch validator refuses (a missing model, chat's missing
 * messages) comes first, in its words. Bodies that are not objects (the envelope reports those)
 * give no findings.
 */
export function validateBody(endpoint: Endpoint, body: unknown): Finding[] {
  const name = BODY_SCHEMAS[endpoint];
  if (name === undefined || !isObject(body)) return [];
  return batchValidatorFirst(endpoint, run(name, body, ['body'], REFINERS[name]));
}
