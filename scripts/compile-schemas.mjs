// Compiles schemas/*.json into standalone ajv validators at build time, so the linter never runs
// `new Function` or `eval` and starts without compiling anything. Also writes small tables: the
// schema facts the phrasing layer needs to word errors as the API does (expected-type labels,
// the values a discriminator accepts, integer vs decimal ranges), keyed by schema location; the
// endpoints manifest (schemas/endpoints.json) with the Endpoint type; and every x-batchlint
// annotation with the body paths it applies to (see schemas/README.md).
//
// Usage: node scripts/compile-schemas.mjs [outDir]   (default: server/src/core/generated)
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const outDir = path.resolve(root, process.argv[2] ?? 'server/src/core/generated');

const readSchemaFile = (file) => JSON.parse(readFileSync(path.join(root, 'schemas', file), 'utf8'));

// ---- the endpoints manifest: one row per url a batch line may name ----

const MANIFEST_SHAPE = {
  type: 'object',
  required: ['endpoints'],
  properties: {
    endpoints: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['url', 'schema', 'docs', 'batch'],
        properties: {
          url: { type: 'string', pattern: '^/v1/' },
          schema: { type: ['string', 'null'], pattern: '^[a-z-]+\\.json$' },
          docs: { type: 'string', pattern: '^https://' },
          batch: { type: 'string', minLength: 1 },
        },
      },
    },
  },
};
const manifest = readSchemaFile('endpoints.json');
{
  const check = new Ajv.default({ allErrors: true }).compile(MANIFEST_SHAPE);
  if (!check(manifest)) {
    throw new Error(`schemas/endpoints.json: ${JSON.stringify(check.errors, null, 2)}`);
  }
  const urls = manifest.endpoints.map((e) => e.url);
  if (new Set(urls).size !== urls.length) throw new Error('schemas/endpoints.json: a url twice');
}

/** `chat-completions.json` -> `chatCompletions`, the name server/src/core/schema imports. */
const exportName = (file) =>
  file.replace(/\.json$/, '').replace(/-([a-z])/g, (_, c) => c.toUpperCase());

/** Export name -> schema file: the envelope, then each endpoint's body schema. */
const SCHEMAS = { envelope: 'envelope.json' };
for (const { schema } of manifest.endpoints) if (schema) SCHEMAS[exportName(schema)] = schema;
// Not an endpoint: the model table's shape, to check users' --models files at run time.
SCHEMAS.models = 'models.schema.json';
// The body schemas of the other dialects (schemas/dialects.json). A dialect whose API reads JSON
// as protocol buffers do (Gemini) takes each field by its snake_case name too.
const dialects = readSchemaFile('dialects.json').dialects;
const PROTO_JSON = new Set();
for (const dialect of dialects) {
  for (const file of dialect.schemas) {
    SCHEMAS[exportName(file)] = file;
    if (dialect.protoJson) PROTO_JSON.add(file);
  }
}

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
ajv.addVocabulary(['x-expected', 'x-supported']);

// batchlint's own annotation namespace. Its shape is itself a schema: ajv checks every use of the
// keyword against it while compiling, so a misspelt annotation fails the build.
const ANNOTATION = 'x-batchlint';
const annotationShape = readSchemaFile('x-batchlint.schema.json');
delete annotationShape.$schema;
delete annotationShape.$id;
const annotationKeyword = {
  keyword: ANNOTATION,
  schemaType: 'object',
  metaSchema: annotationShape,
};
ajv.addKeyword(annotationKeyword);

/**
 * A copy without `description`/`title` and without x-batchlint annotations, which the standalone
 * code would otherwise embed: they are for reviewers and for the tables below, not for validation.
 */
function stripAnnotations(node) {
  if (Array.isArray(node)) return node.map(stripAnnotations);
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if ((k === 'description' || k === 'title') && typeof v === 'string') continue;
    if (k === ANNOTATION) continue;
    out[k] = stripAnnotations(v);
  }
  return out;
}

/** Adds `generation_config` beside every `generationConfig` (same schema), in place. */
function withSnakeCaseNames(node) {
  if (Array.isArray(node)) return node.forEach(withSnakeCaseNames);
  if (!node || typeof node !== 'object') return;
  if (node.properties && typeof node.properties === 'object') {
    for (const [key, child] of Object.entries(node.properties)) {
      const snake = key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
      if (snake !== key && !(snake in node.properties)) node.properties[snake] = child;
    }
    if (Array.isArray(node.required)) {
      // Either name satisfies a required field: checked by the dialect's own code, not here.
      node.required = node.required.filter((k) => k === k.toLowerCase());
    }
  }
  for (const value of Object.values(node)) withSnakeCaseNames(value);
}

const schemas = {};
{
  // Compiled once with the annotations in place, only so that ajv checks each one's shape.
  const shapes = new Ajv.default({ strict: true, strictRequired: false, allowUnionTypes: true });
  shapes.addVocabulary(['x-expected', 'x-supported', 'discriminator']);
  shapes.addKeyword(annotationKeyword);
  for (const [name, file] of Object.entries(SCHEMAS)) {
    const schema = readSchemaFile(file);
    if (PROTO_JSON.has(file)) withSnakeCaseNames(schema);
    schemas[name] = schema;
    try {
      shapes.compile(schema);
    } catch (error) {
      throw new Error(`schemas/${file}: ${error.message}`, { cause: error });
    }
    // Descriptions are for reviewers; keeping them out of the generated code keeps it small.
    ajv.addSchema(stripAnnotations(schema));
  }
}
const refs = Object.fromEntries(Object.entries(schemas).map(([name, s]) => [name, s.$id]));
const code = appendErrorsInPlace(anchorSchemaPaths(standaloneCode(ajv, refs)));
if (/\brequire\(|^import /m.test(code)) {
  throw new Error('compiled validators import an ajv runtime helper; keep them self-contained');
}

/**
 * ajv gathers the errors of a `$ref` target's function with `vErrors = vErrors.concat(...)`,
 * which copies every error gathered so far at each call: a line with N bad items under a `$ref`
 * cost N² copies (200,000 bad message parts in one line took minutes). Appending in place gives
 * the same array of the same errors in the same order. A `concat` left over means ajv's output
 * changed: the build stops rather than ship the quadratic form unnoticed.
 */
function appendErrorsInPlace(source) {
  const gather =
    /vErrors = vErrors === null \? (validate\d+)\.errors : vErrors\.concat\(\1\.errors\);/g;
  const out = source.replace(
    gather,
    (_, fn) =>
      `if (vErrors === null) vErrors = ${fn}.errors; else for (const e of ${fn}.errors) vErrors.push(e);`,
  );
  if (out.includes('vErrors.concat(')) {
    throw new Error('ajv gathers errors in a form appendErrorsInPlace does not know; update it');
  }
  return out;
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
    // Keys with a movedTo are declared only to check what is inside them; never suggest them.
    fact.keys = Object.entries(node.properties)
      .filter(([, p]) => !p[ANNOTATION]?.movedTo || p[ANNOTATION]?.responses)
      .map(([k]) => k);
  }
  if (node.properties && Array.isArray(node.required) && node.required.length > 0) {
    // Whether a missing object must exist here decides if a fix may create it (phrase.ts).
    fact.required = node.required;
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

// ---- x-batchlint annotations, with the body paths they apply to ----

/**
 * Every annotated property of `schema`, with the instance paths that reach it: a key, '*' for
 * each array item, or `{ key, values }` when a discriminated union only takes that branch for
 * those tag values (messages[*] with role 'assistant'). Descriptions and docs links stay out:
 * hover reads them from the schema itself, and check and convert never need them.
 */
function annotatedPlaces(schema) {
  const places = [];
  const visit = (node, pointer, at, seen) => {
    if (!node || typeof node !== 'object' || Array.isArray(node)) return;
    if (typeof node.$ref === 'string') {
      const target = node.$ref.slice(1);
      if (seen.includes(target)) return; // recursive definitions: the first pass is enough
      visit(resolve(schema, node), `#${target}`, at, [...seen, target]);
    }
    const tag = node.discriminator?.propertyName;
    (node.oneOf ?? []).forEach((branch, i) => {
      const values = tag ? discriminatorValues(schema, { ...node, oneOf: [branch] }) : [];
      const step = tag && values.length > 0 ? [{ key: tag, values }] : [];
      visit(branch, `${pointer}/oneOf/${i}`, [...at, ...step], seen);
    });
    for (const key of ['anyOf', 'allOf']) {
      (node[key] ?? []).forEach((b, i) => visit(b, `${pointer}/${key}/${i}`, at, seen));
    }
    for (const key of ['then', 'else']) visit(node[key], `${pointer}/${key}`, at, seen);
    if (node.items) visit(node.items, `${pointer}/items`, [...at, '*'], seen);
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      const path = [...at, key];
      const { description: _d, docs: _u, ...annotation } = child[ANNOTATION] ?? {};
      if (Object.keys(annotation).length > 0) {
        places.push({ path, pointer: `${pointer}/properties/${key}`, annotation });
      }
      visit(child, `${pointer}/properties/${key}`, path, seen);
    }
  };
  visit(schema, '#', [], []);
  return places;
}

const annotations = {};
for (const [name, schema] of Object.entries(schemas)) annotations[name] = annotatedPlaces(schema);

// ---- output: TypeScript modules, so tsc emits them into out/ and esbuild bundles them ----

mkdirSync(outDir, { recursive: true });
const banner = '// Generated by scripts/compile-schemas.mjs from schemas/*.json. Do not edit.\n';
const names = Object.keys(SCHEMAS);
// The schemas themselves, descriptions and annotations included, for hover and completion. One
// static import each, so the bundler carries them and nothing is read at run time.
// The path is the one from the default output folder, where the module is meant to live.
const toSchemas = path
  .relative(path.join(root, 'server/src/core/generated'), path.join(root, 'schemas'))
  .split(path.sep)
  .join('/');
writeFileSync(
  path.join(outDir, 'raw-schemas.ts'),
  `${banner}import type { SchemaName } from './index';
${names.map((n) => `import ${n} from '${toSchemas}/${SCHEMAS[n]}';`).join('\n')}

/** Each schema file as written (the validators are compiled from stripped copies). */
export const rawSchemas: Record<SchemaName, unknown> = { ${names.join(', ')} };
`,
);
writeFileSync(
  path.join(outDir, 'validators.ts'),
  `${banner}// @ts-nocheck\n/* eslint-disable */\n${code}\n`,
);
writeFileSync(
  path.join(outDir, 'index.ts'),
  `${banner}import type { AnnotatedPlace, EndpointRow } from '../schema/annotations';
import type { DialectRow } from '../dialects/row';
import type { SchemaFacts, Validator } from '../schema/compiled-types';
import * as compiled from './validators';

export type SchemaName = ${names.map((n) => `'${n}'`).join(' | ')};

/** The urls a batch line may name, in the manifest's order (schemas/endpoints.json). */
export type Endpoint = ${manifest.endpoints.map((e) => `'${e.url}'`).join(' | ')};

/** schemas/endpoints.json, with each body schema by its export name (null: the body is not checked). */
export const endpointManifest: ReadonlyArray<EndpointRow<Endpoint, SchemaName>> = ${JSON.stringify(
    manifest.endpoints.map(({ url, schema, docs, batch }) => ({
      url,
      schema: schema ? exportName(schema) : null,
      docs,
      batch,
    })),
  )};

/** The batch file dialects, in schemas/dialects.json's order. */
export type DialectId = ${dialects.map((d) => `'${d.id}'`).join(' | ')};

/** schemas/dialects.json: each dialect's envelope, body schemas (by export name), limits, sources. */
export const dialectManifest: ReadonlyArray<DialectRow<DialectId, SchemaName>> = ${JSON.stringify(
    dialects.map((d) => ({ ...d, schemas: d.schemas.map(exportName) })),
  )};

export const validators: Record<SchemaName, Validator> = {
${names.map((n) => `  ${n}: compiled.${n} as Validator,`).join('\n')}
};

export const schemaFacts: Record<SchemaName, Record<string, SchemaFacts>> = ${JSON.stringify(facts)};

/** Every x-batchlint annotation but descriptions and docs links, with the body paths it applies to. */
export const schemaAnnotations: Record<SchemaName, readonly AnnotatedPlace[]> = ${JSON.stringify(annotations)};
`,
);
