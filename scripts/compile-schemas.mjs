// Compiles schemas/*.json into standalone ajv validators at build time, so the linter never runs
// `new Function` or `eval` and starts without compiling anything. Also writes a small table of
// schema facts the phrasing layer needs to word errors as the API does (expected-type labels,
// the values a discriminator accepts, integer vs decimal ranges), keyed by schema location.
//
// Usage: node scripts/compile-schemas.mjs [outDir]   (default: server/src/core/generated)
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const outDir = path.resolve(root, process.argv[2] ?? 'server/src/core/generated');

/** Export name -> schema file. The names are what server/src/core/schema imports. */
const SCHEMAS = {
  envelope: 'envelope.json',
  chatCompletions: 'chat-completions.json',
  responses: 'responses.json',
  embeddings: 'embeddings.json',
  completions: 'completions.json',
  moderations: 'moderations.json',
  imagesGenerations: 'images-generations.json',
  imagesEdits: 'images-edits.json',
  videos: 'videos.json',
  // Not an endpoint: the model table's shape, to check users' --models files at run time.
  models: 'models.schema.json',
};

const ajv = new Ajv.default({
  allErrors: true, // report every problem on a line, not only the first
  discriminator: true, // one branch per tagged union, so errors stay clean
  strict: true,
  strictRequired: false, // discriminated branches repeat the parent's required tag
  allowUnionTypes: true, // ["string", "null"] is how optional parameters accept null
  messages: false, // the phrasing layer writes every message; smaller code
  // Plain .length for min/maxLength: no runtime import in the generated code, and no walk over
  // multi-megabyte data URLs on every line. ajv calls the option deprecated; the logger below
  // drops only that notice.
  unicode: false,
  logger: {
    log: console.log,
    warn: (...args) => String(args[0]).includes('option unicode') || console.warn(...args),
    error: console.error,
  },
  inlineRefs: false,
  code: { source: true, esm: true, optimize: true },
});
// Annotations for the phrasing layer; they do not validate anything.
ajv.addVocabulary(['x-expected', 'x-supported', 'x-moved-to']);

/** A copy without `description`/`title`, which the standalone code would otherwise embed. */
function stripAnnotations(node) {
  if (Array.isArray(node)) return node.map(stripAnnotations);
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if ((k === 'description' || k === 'title') && typeof v === 'string') continue;
    out[k] = stripAnnotations(v);
  }
  return out;
}

const schemas = {};
for (const [name, file] of Object.entries(SCHEMAS)) {
  const schema = JSON.parse(readFileSync(path.join(root, 'schemas', file), 'utf8'));
  schemas[name] = schema;
  // Descriptions are for reviewers; keeping them out of the generated code keeps it small.
  ajv.addSchema(stripAnnotations(schema));
}
const refs = Object.fromEntries(Object.entries(schemas).map(([name, s]) => [name, s.$id]));
const code = anchorSchemaPaths(standaloneCode(ajv, refs));
if (/\brequire\(|^import /m.test(code)) {
  throw new Error('compiled validators import an ajv runtime helper; keep them self-contained');
}

/**
 * ajv compiles each `$ref` target into its own function (inlineRefs: false), and errors raised
 * there carry schema paths relative to that target ("#/properties/image_url/type"). Rewrites them
 * to start from the schema root ("#/definitions/imagePart/properties/image_url/type") so that
 * they are unambiguous keys into the facts table below.
 */
function anchorSchemaPaths(source) {
  const prefixOf = new Map();
  for (const schema of Object.values(schemas)) {
    const env = ajv.getSchema(schema.$id).schemaEnv;
    prefixOf.set(String(env.validate.source.validateName), '#');
    for (const [ref, target] of Object.entries(env.refs)) {
      const name = target?.validate?.source?.validateName;
      if (name) prefixOf.set(String(name), `#${ref.slice(ref.indexOf('#') + 1)}`);
    }
  }
  return source
    .split(/(?=function validate\d+\()/)
    .map((chunk) => {
      const name = /^function (validate\d+)\(/.exec(chunk)?.[1];
      if (name === undefined || !chunk.includes('schemaPath:"#')) return chunk;
      const prefix = prefixOf.get(name);
      if (prefix === undefined) throw new Error(`no schema location for ${name}`);
      return chunk.replaceAll('schemaPath:"#', `schemaPath:"${prefix}`);
    })
    .join('');
}

// ---- schema facts, keyed by the JSON pointer ajv reports in `schemaPath` (minus the keyword) ----

const ARTICLE = {
  string: 'a string',
  integer: 'an integer',
  number: 'a decimal',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
  null: 'null',
};
const PLURAL = {
  string: 'strings',
  integer: 'integers',
  number: 'decimals',
  boolean: 'booleans',
  object: 'objects',
};

function resolve(schema, node) {
  let n = node;
  while (n && typeof n.$ref === 'string' && n.$ref.startsWith('#/')) {
    n = n.$ref
      .slice(2)
      .split('/')
      .reduce((o, k) => o[k], schema);
  }
  return n;
}

function typesOf(node) {
  if (!node || node.type === undefined)
    return node && (node.discriminator || node.oneOf) ? ['object'] : [];
  return Array.isArray(node.type) ? node.type : [node.type];
}

/** "an object", "an array of objects", "one of a string or array of objects", as the API words it. */
function expectedLabel(schema, node) {
  if (node['x-expected']) return node['x-expected'];
  const types = typesOf(node).filter((t) => t !== 'null');
  const words = types.map((t) => {
    if (t !== 'array' || !node.items) return ARTICLE[t];
    const itemTypes = typesOf(resolve(schema, node.items)).filter((x) => x !== 'null');
    return itemTypes.length === 1 && PLURAL[itemTypes[0]]
      ? `an array of ${PLURAL[itemTypes[0]]}`
      : 'an array';
  });
  if (words.length <= 1) return words[0] ?? 'a value';
  const bare = words.map((w, i) => (i === 0 ? w : w.replace(/^an? /, '')));
  return `one of ${bare.slice(0, -1).join(', ')} or ${bare[bare.length - 1]}`;
}

/** The tag values a discriminator's branches accept, in schema order. */
function discriminatorValues(schema, node) {
  const tag = node.discriminator.propertyName;
  return node.oneOf.flatMap((branch) => {
    const b = resolve(schema, branch);
    const p =
      b.properties?.[tag] ??
      b.allOf?.map((a) => resolve(schema, a).properties?.[tag]).find(Boolean);
    return p?.const !== undefined ? [p.const] : (p?.enum ?? []);
  });
}

const CHILD_MAPS = ['properties', 'definitions'];
const CHILD_LISTS = ['oneOf', 'anyOf', 'allOf'];
const CHILD_ONE = ['items', 'if', 'then', 'else', 'not', 'additionalProperties', 'propertyNames'];

function collectFacts(schema, node, pointer, facts) {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return;
  const fact = {};
  if (node.type !== undefined) fact.expected = expectedLabel(schema, node);
  if (node.discriminator) {
    // `x-supported` is the list the API prints, which can differ from what this position accepts.
    const accepted = discriminatorValues(schema, node);
    fact.supported = node['x-supported'] ?? accepted;
    if (node['x-supported']) fact.accepted = accepted;
  }
  if (['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'].some((k) => k in node)) {
    fact.numeric = typesOf(node).includes('integer') ? 'integer' : 'decimal';
  }
  if (node.additionalProperties === false && node.properties) {
    // Keys marked x-moved-to are declared only to check what is inside them; never suggest them.
    fact.keys = Object.entries(node.properties)
      .filter(([, p]) => !p['x-moved-to'])
      .map(([k]) => k);
  }
  if (Object.keys(fact).length > 0) facts[pointer] = fact;
  for (const key of CHILD_MAPS) {
    for (const [k, child] of Object.entries(node[key] ?? {}))
      collectFacts(schema, child, `${pointer}/${key}/${k}`, facts);
  }
  for (const key of CHILD_LISTS) {
    (node[key] ?? []).forEach((child, i) =>
      collectFacts(schema, child, `${pointer}/${key}/${i}`, facts),
    );
  }
  for (const key of CHILD_ONE) collectFacts(schema, node[key], `${pointer}/${key}`, facts);
}

const facts = {};
for (const [name, schema] of Object.entries(schemas)) {
  facts[name] = {};
  collectFacts(schema, schema, '#', facts[name]);
}

// ---- output: TypeScript modules, so tsc emits them into out/ and esbuild bundles them ----

mkdirSync(outDir, { recursive: true });
const banner = '// Generated by scripts/compile-schemas.mjs from schemas/*.json. Do not edit.\n';
const names = Object.keys(SCHEMAS);
writeFileSync(
  path.join(outDir, 'validators.ts'),
  `${banner}// @ts-nocheck\n/* eslint-disable */\n${code}\n`,
);
writeFileSync(
  path.join(outDir, 'index.ts'),
  `${banner}import type { SchemaFacts, Validator } from '../schema/compiled-types';
import * as compiled from './validators';

export type SchemaName = ${names.map((n) => `'${n}'`).join(' | ')};

export const validators: Record<SchemaName, Validator> = {
${names.map((n) => `  ${n}: compiled.${n} as Validator,`).join('\n')}
};

export const schemaFacts: Record<SchemaName, Record<string, SchemaFacts>> = ${JSON.stringify(facts)};
`,
);
