// Every problem batchlint can report, in one typed table: its default severity, a title and a
// description in batchlint's words, where the API documents it, and the stage at which the API
// would refuse it. The README's code table, the SARIF rules, the docs links and the
// `batchlint.severity` setting are derived from (or held by tests to) this table, and the type
// `ProblemCode` makes an unlisted code a compile error.

import type { Severity } from './types';

/**
 * When the API refuses what a problem describes:
 * - `validation`: the Batch API's file validator rejects the whole batch before anything runs
 *   (the envelope, JSON syntax, file limits, one url and one model per file);
 * - `execution`: the endpoint refuses this one request when the batch runs it (body problems);
 * - `hint`: nothing is refused; batchlint points out a risk, a deprecation or a limit of its own;
 * - `result`: what a finished batch's result files say (`batchlint results`), not a check.
 */
export type Stage = 'validation' | 'execution' | 'hint' | 'result';

export interface ProblemEntry {
  /** The severity reported unless a rule says otherwise or the user overrides it. */
  readonly severity: Severity;
  /** A few words, used as the SARIF rule's short description and the README's table. */
  readonly title: string;
  /** One or two sentences on what is wrong and why it matters. */
  readonly description: string;
  /** Where the API documents the subject (a diagnostic may link somewhere more precise). */
  readonly docs: string;
  readonly stage: Stage;
  /** SARIF `properties.tags`: lets code-scanning tools group results. */
  readonly tags: readonly string[];
}

const BATCH = 'https://platform.openai.com/docs/guides/batch';
const BATCH_INPUT = 'https://platform.openai.com/docs/api-reference/batch/request-input';
const API = 'https://platform.openai.com/docs/api-reference';
const VISION = 'https://platform.openai.com/docs/guides/images-vision';
const REASONING = 'https://platform.openai.com/docs/guides/reasoning';
const JSON_MODE = 'https://platform.openai.com/docs/guides/structured-outputs#json-mode';
const STRUCTURED = 'https://platform.openai.com/docs/guides/structured-outputs#supported-schemas';
const FUNCTION_STRICT = 'https://platform.openai.com/docs/guides/function-calling#strict-mode';
const MIGRATE = 'https://platform.openai.com/docs/guides/migrate-to-responses';
const STRUCTURED_MODELS = 'https://platform.openai.com/docs/guides/structured-outputs';
const MODELS = 'https://platform.openai.com/docs/models';
const DEPRECATIONS = 'https://developers.openai.com/api/docs/deprecations';

const schema = (title: string, description: string): ProblemEntry => ({
  severity: 'error',
  title,
  description,
  docs: API,
  stage: 'execution',
  tags: ['schema'],
});

const limit = (title: string, description: string): ProblemEntry => ({
  severity: 'error',
  title,
  description,
  docs: BATCH,
  stage: 'validation',
  tags: ['batch', 'limit'],
});

const result = (severity: Severity, title: string, description: string): ProblemEntry => ({
  severity,
  title,
  description,
  docs: 'https://platform.openai.com/docs/guides/batch#5-retrieve-the-results',
  stage: 'result',
  tags: ['results'],
});

/** The catalogue. Keys are the problem codes, the API's own where it has one. */
export const PROBLEMS = {
  // The file as a whole, before any line is read.
  utf8_bom: {
    severity: 'warning',
    title: 'UTF-8 byte order mark',
    description:
      'The file starts with a byte order mark. Some batch services refuse such files; saving without it is always safe.',
    docs: BATCH,
    stage: 'validation',
    tags: ['batch', 'encoding'],
  },
  invalid_utf8: {
    severity: 'error',
    title: 'Bytes that are not UTF-8',
    description: 'A line holds bytes that do not decode as UTF-8; a batch file must be UTF-8 text.',
    docs: BATCH,
    stage: 'validation',
    tags: ['batch', 'encoding'],
  },
  binary_file: {
    severity: 'error',
    title: 'Binary file',
    description: 'The file holds NUL bytes: it is binary data, not a JSONL batch file.',
    docs: BATCH,
    stage: 'validation',
    tags: ['batch', 'encoding'],
  },
  // One line's syntax.
  blank_line: {
    severity: 'warning',
    title: 'Blank line',
    description:
      'Every line of a batch file is read as a request; an empty one may be refused as a line that is not JSON.',
    docs: BATCH,
    stage: 'validation',
    tags: ['batch', 'syntax'],
  },
  invalid_json_line: {
    severity: 'error',
    title: 'Line is not JSON',
    description:
      'The line does not parse as JSON. The message gives the position; quotes, Python literals and trailing commas get a fix.',
    docs: BATCH,
    stage: 'validation',
    tags: ['batch', 'syntax'],
  },
  multiline_request: {
    severity: 'error',
    title: 'Request spread over several lines',
    description:
      'One request is pretty-printed over several lines; JSONL needs each request on one line.',
    docs: BATCH,
    stage: 'validation',
    tags: ['batch', 'syntax'],
  },
  missing_envelope: {
    severity: 'error',
    title: 'Request body without its envelope',
    description:
      'The line is a request body (model and messages, input or prompt) without the batch envelope around it: the API needs custom_id, method, url and body on every line. The fix wraps it, with the url its shape names and an unused custom_id.',
    docs: BATCH_INPUT,
    stage: 'validation',
    tags: ['batch'],
  },
  duplicate_key: {
    severity: 'warning',
    title: 'Key given twice',
    description:
      'One object gives the same key twice. JSON parsers keep one of the values, by our reading the last (the API does not document which); the other is silently ignored.',
    docs: BATCH_INPUT,
    stage: 'hint',
    tags: ['syntax'],
  },
  nesting_too_deep: {
    severity: 'error',
    title: 'Nested too deeply',
    description: 'The request nests deeper than any real request; it cannot be checked.',
    docs: BATCH_INPUT,
    stage: 'validation',
    tags: ['batch', 'syntax'],
  },
  lone_carriage_return: {
    severity: 'info',
    title: 'Requests separated by a lone carriage return',
    description:
      'Requests on one line separated by a carriage return without a line feed. Whether the Batch API reads it as a line break is not documented; each request is checked on its own.',
    docs: BATCH_INPUT,
    stage: 'validation',
    tags: ['batch', 'syntax'],
  },
  // The schema's errors, in the API's words. The envelope's are refused at validation, the
  // body's when the request runs.
  missing_required_parameter: schema(
    'Missing required parameter',
    'A parameter the endpoint requires is absent.',
  ),
  invalid_type: schema('Invalid type', 'A value has a type the API does not take there.'),
  invalid_value: schema(
    'Invalid value',
    'A value the API does not take: not one of the listed values, a malformed URL or data URL, a name that matches nothing.',
  ),
  unknown_parameter: schema(
    'Unknown parameter',
    'A parameter the endpoint does not define; the API refuses unknown parameters in a body.',
  ),
  empty_string: schema('Empty string', 'A string that must not be empty is empty.'),
  empty_array: schema('Empty array', 'An array that must not be empty is empty.'),
  integer_below_min_value: schema('Integer below minimum', 'An integer is below its minimum.'),
  integer_above_max_value: schema('Integer above maximum', 'An integer is above its maximum.'),
  decimal_below_min_value: schema('Number below minimum', 'A number is below its minimum.'),
  decimal_above_max_value: schema('Number above maximum', 'A number is above its maximum.'),
  string_below_min_length: schema('String too short', 'A string is shorter than its minimum.'),
  string_above_max_length: schema('String too long', 'A string is longer than its maximum.'),
  array_below_min_length: schema('Too few items', 'An array has fewer items than its minimum.'),
  array_above_max_length: schema('Too many items', 'An array has more items than its maximum.'),
  object_above_max_properties: schema(
    'Too many properties',
    'An object has more properties than its maximum.',
  ),
  // What a schema cannot say.
  unsupported_parameter: {
    severity: 'error',
    title: 'Parameter not supported here',
    description:
      'The parameter exists, but not for this endpoint or this model: a chat parameter sent to the Responses API, or one a reasoning model refuses.',
    docs: REASONING,
    stage: 'execution',
    tags: ['model'],
  },
  unsupported_value: {
    severity: 'error',
    title: 'Value not supported here',
    description: 'The value is valid in general, but not with this model.',
    docs: REASONING,
    stage: 'execution',
    tags: ['model'],
  },
  unsupported_content_type: {
    severity: 'error',
    title: 'Content the model cannot read',
    description:
      'An image part sent to a model that reads text only (the model table says which models take images).',
    docs: VISION,
    stage: 'execution',
    tags: ['model'],
  },
  invalid_parameter: {
    severity: 'error',
    title: 'Structured outputs not supported by the model',
    description: 'A JSON schema response format sent to a model without structured outputs.',
    docs: STRUCTURED_MODELS,
    stage: 'execution',
    tags: ['model'],
  },
  output_limit_exceeded: {
    severity: 'error',
    title: 'Output cap above the model maximum',
    description:
      'max_tokens, max_completion_tokens or max_output_tokens asks for more tokens than the model can write.',
    docs: MODELS,
    stage: 'execution',
    tags: ['model'],
  },
  context_length_exceeded: {
    severity: 'error',
    title: 'Prompt longer than the context window',
    description:
      "The request's text alone has more tokens than the model's context window (counted with the model's tokenizer).",
    docs: MODELS,
    stage: 'execution',
    tags: ['model'],
  },
  streaming_unsupported: {
    severity: 'error',
    title: 'Streaming in a batch',
    description: 'A batch cannot stream its responses; `stream: true` is refused.',
    docs: BATCH,
    stage: 'validation',
    tags: ['batch'],
  },
  invalid_request: {
    severity: 'error',
    title: 'Refused by batch validation',
    description:
      "The Batch API's file validator checks that each body names its model (and, for chat, its messages); a request without them fails the whole batch before anything runs.",
    docs: BATCH,
    stage: 'validation',
    tags: ['batch'],
  },
  blank_model: {
    severity: 'error',
    title: 'Empty model name',
    description:
      "The model is an empty or all-whitespace string, which names no model. The API's words for it are not recorded; as an unknown model, it most likely fails the batch when it is validated.",
    docs: MODELS,
    stage: 'validation',
    tags: ['batch', 'model'],
  },
  duplicate_tool_name: {
    severity: 'warning',
    title: 'Two tools with one name',
    description:
      'Two function or custom tools share a name, so the model cannot tell them apart. How the API answers is not documented.',
    docs: FUNCTION_STRICT,
    stage: 'execution',
    tags: ['tools'],
  },
  invalid_function_parameters: {
    severity: 'error',
    title: 'Strict function schema outside the strict subset',
    description:
      "A function tool with strict: true has parameters the API's strict mode refuses (every object needs additionalProperties: false and every property required; some keywords are not supported).",
    docs: FUNCTION_STRICT,
    stage: 'execution',
    tags: ['schema', 'strict'],
  },
  invalid_json_schema: {
    severity: 'error',
    title: 'Strict response schema outside the strict subset',
    description:
      "A json_schema response format with strict: true has a schema the API's strict mode refuses.",
    docs: STRUCTURED,
    stage: 'execution',
    tags: ['schema', 'strict'],
  },
  strict_omitted: {
    severity: 'info',
    title: 'Responses function tool without strict',
    description:
      'Responses makes a function schema strict when it can (every property then required) and calls it non-strict otherwise; setting strict says which one is meant.',
    docs: FUNCTION_STRICT,
    stage: 'hint',
    tags: ['strict'],
  },
  json_word_missing: {
    severity: 'error',
    title: 'JSON mode without the word "json"',
    description:
      'JSON mode needs the word "json" somewhere in what the model reads, or the request is refused.',
    docs: JSON_MODE,
    stage: 'execution',
    tags: ['content'],
  },
  invalid_image_format: {
    severity: 'error',
    title: 'Unsupported image',
    description: 'The bytes of an inline image are not PNG, JPEG, GIF or WEBP.',
    docs: VISION,
    stage: 'execution',
    tags: ['content', 'image'],
  },
  image_type_mismatch: {
    severity: 'error',
    title: 'Image type differs from its bytes',
    description: "A data URL's declared image type is not the type of its bytes.",
    docs: VISION,
    stage: 'execution',
    tags: ['content', 'image'],
  },
  too_many_images: {
    severity: 'error',
    title: 'Too many images',
    description: 'The request carries more images than the API takes in one request.',
    docs: VISION,
    stage: 'execution',
    tags: ['content', 'image'],
  },
  placeholder_value: {
    severity: 'warning',
    title: 'Placeholder left in',
    description:
      'A value such as "...", "<base64>" or "{text}" stands where real content belongs: an error for an image, a warning for text.',
    docs: BATCH_INPUT,
    stage: 'execution',
    tags: ['content'],
  },
  // Across lines and file limits.
  duplicate_custom_id: {
    severity: 'error',
    title: 'Duplicate custom_id',
    description:
      'Two requests share a custom_id, so their results cannot be told apart; the batch is refused.',
    docs: BATCH,
    stage: 'validation',
    tags: ['batch', 'cross-line'],
  },
  url_mismatch: {
    severity: 'error',
    title: 'More than one url',
    description: 'A batch sends every request to one endpoint; this line names another.',
    docs: BATCH,
    stage: 'validation',
    tags: ['batch', 'cross-line'],
  },
  model_mismatch: {
    severity: 'error',
    title: 'More than one model',
    description: 'A batch input file holds requests for one model; this line names another.',
    docs: BATCH,
    stage: 'validation',
    tags: ['batch', 'cross-line'],
  },
  too_many_tasks: limit('Too many requests', 'A batch file holds at most 50,000 requests.'),
  file_too_large: limit('File too large', 'A batch input file is at most 200 MB.'),
  too_many_embedding_inputs: limit(
    'Too many embedding inputs',
    'An embeddings batch carries at most 50,000 inputs across all its requests.',
  ),
  empty_file: limit('No requests', 'The file holds no request; a batch needs at least one.'),
  // Hints.
  deprecated_parameter: {
    severity: 'info',
    title: 'Deprecated parameter',
    description:
      'The API marks this parameter deprecated; it still works, a newer one replaces it.',
    docs: MIGRATE,
    stage: 'hint',
    tags: ['deprecation'],
  },
  undocumented_parameter: {
    severity: 'info',
    title: 'Parameter not in the API reference',
    description:
      'The API reference leaves this parameter out, though the API has been seen to take it on some models; others refuse it.',
    docs: API,
    stage: 'hint',
    tags: ['uncertain'],
  },
  unknown_model: {
    severity: 'info',
    title: 'No model rules',
    description:
      'The model table does not know this name (a deployment name, a new model, a typo), so only the endpoint rules apply. Add it with --models or batchlint.models.',
    docs: MODELS,
    stage: 'hint',
    tags: ['model'],
  },
  model_deprecated: {
    severity: 'info',
    title: 'Deprecated model',
    description: 'The model is deprecated; the note gives its shutdown date and the source.',
    docs: DEPRECATIONS,
    stage: 'hint',
    tags: ['model', 'deprecation'],
  },
  model_shut_down: {
    severity: 'warning',
    title: 'Model past its shutdown date',
    description:
      'The check date is past the shutdown date the model table gives (with its source): the API no longer serves the model.',
    docs: DEPRECATIONS,
    stage: 'execution',
    tags: ['model', 'deprecation'],
  },
  model_not_on_endpoint: {
    severity: 'error',
    title: 'Model not served on this endpoint',
    description:
      "The model table lists the endpoints that serve the model (with its source), and the line's url is not one of them: a chat model sent to /v1/embeddings, an embedding model to /v1/chat/completions. Info where the table's sources disagree. In an Anthropic file: a model that is not a Claude model (a warning; info for a name that tells nothing).",
    docs: MODELS,
    stage: 'execution',
    tags: ['model'],
  },
  model_not_in_batch: {
    severity: 'warning',
    title: 'Model not run by the Batch API',
    description: 'The model table says the Batch API does not run this model (with its source).',
    docs: BATCH,
    stage: 'validation',
    tags: ['model', 'batch'],
  },
  custom_id_length: {
    severity: 'info',
    title: 'Long custom_id',
    description:
      'OpenAI takes it, but other batch services cap custom_id at 64 characters: a portability hint.',
    docs: BATCH_INPUT,
    stage: 'hint',
    tags: ['portability'],
  },
  dialect_mismatch: {
    severity: 'error',
    title: 'Line of another dialect',
    description:
      "A line shaped for another provider's batch API than the rest of the file (an OpenAI line in an Anthropic file): one batch goes to one provider, which refuses the lines it cannot read.",
    docs: BATCH,
    stage: 'validation',
    tags: ['batch', 'dialect'],
  },
  too_few_requests: {
    severity: 'info',
    title: 'Too few requests',
    description:
      'The file has fewer records than the provider takes in one job (Amazon Bedrock: 100 by default, a quota that can be raised).',
    docs: BATCH,
    stage: 'validation',
    tags: ['batch', 'limit', 'dialect'],
  },
  body_not_checked: {
    severity: 'info',
    title: 'Body not checked',
    description: 'batchlint checks the envelope of requests to this endpoint, but not their body.',
    docs: BATCH_INPUT,
    stage: 'hint',
    tags: ['coverage'],
  },
  // What a finished batch's results say, put on the input's lines by `batchlint results`.
  request_failed: result(
    'error',
    'Request failed',
    "The request ran and the API refused it (HTTP status 400 or more, or an error it did not name); the message is the API's.",
  ),
  batch_expired: result(
    'warning',
    'Request expired',
    'The completion window ended before the request ran: send it again.',
  ),
  batch_cancelled: result(
    'warning',
    'Request cancelled',
    'The batch was cancelled before the request ran: send it again.',
  ),
  request_timeout: result(
    'warning',
    'Request timed out',
    'The call to the model timed out: send it again.',
  ),
  no_result: result(
    'warning',
    'No result',
    "No line of the result files names this request's custom_id.",
  ),
  batch_error: {
    ...result(
      'error',
      'Batch validation error',
      "An entry of a failed batch's errors.data: the API's file validator refused the batch for this line.",
    ),
    docs: BATCH,
  },
  unknown_custom_id: result(
    'warning',
    'Result for no request',
    'A result line whose custom_id is in no line of the input: the result files may be of another batch.',
  ),
  duplicate_result: result(
    'warning',
    'Second result',
    'A second result line for one custom_id; a success wins over a failure.',
  ),
  invalid_result_line: result(
    'warning',
    'Unreadable result line',
    'A line of a result file that is not a result (not JSON, no custom_id, neither response nor error).',
  ),
} as const satisfies Record<string, ProblemEntry>;

/** Every code batchlint reports; a code outside this union does not compile. */
export type ProblemCode = keyof typeof PROBLEMS;

/** The codes in catalogue order (the order of the README's table). */
export const PROBLEM_CODES = Object.keys(PROBLEMS) as ProblemCode[];

/** Whether a string names a catalogued problem (for settings and other untyped input). */
export function isProblemCode(code: string): code is ProblemCode {
  return Object.prototype.hasOwnProperty.call(PROBLEMS, code);
}

/** The catalogue entry of a code. */
export function problemEntry(code: ProblemCode): ProblemEntry {
  return PROBLEMS[code];
}

/**
 * A problem of `code` at the catalogue's default severity: how the problems made outside the
 * rules (syntax, blank lines, the byte order mark, bytes that are not text, file rules' placing)
 * get theirs, so the catalogue is the one place a default is written. `severity` follows `code`
 * in the result, as in a hand-written problem.
 */
export function atDefault<T extends { code: ProblemCode }>(
  problem: T,
): { code: T['code']; severity: Severity } & T {
  // Object.assign, not a spread: the spread would name `code` twice (TS2783).
  return Object.assign({ code: problem.code, severity: PROBLEMS[problem.code].severity }, problem);
}
