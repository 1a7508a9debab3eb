// Reads one line of a batch's output or error file (other providers' lines: providers.ts).
// OpenAI writes both files in one shape:
// {"id", "custom_id", "response": {"status_code", "request_id", "body"} | null,
//  "error": {"code", "message"} | null}
// A request failed when `response.status_code` is 400 or more (the API's error object is then in
// `response.body.error`, with `error` null) or when `error` is set: `batch_expired`,
// `batch_cancelled` and `request_timeout` are the codes the API documents there.

import type { JsonPath } from '../types';
import { isObject } from '../json';
import { readUsage } from './usage';
import type { Usage } from './usage';
import { readProviderResult } from './providers';
import type { ResultShape } from './providers';
import { elide } from '../words';

/** What happened to one request. */
export type ResultStatus = 'succeeded' | 'failed' | 'expired' | 'cancelled' | 'timed_out';

/** The API's error object, as the result gave it. */
export interface ResultError {
  message: string;
  code?: string;
  /** The API's parameter path, e.g. `messages[0].content[1].image_url`. */
  param?: string;
  /** The field the error names, read from another provider's words, relative to the body. */
  path?: JsonPath;
  type?: string;
}

/** One result line, reduced to what is shown: the response body itself is not kept. */
export interface RequestResult {
  customId: string;
  status: ResultStatus;
  /** The HTTP status of the request, when it ran. */
  statusCode?: number;
  error?: ResultError;
  usage?: Usage;
  /** `choices[0].finish_reason` (chat, completions) or the response's `status` and reason (responses). */
  finishReason?: string;
  /** The model that answered, as the response body names it (often a dated snapshot). */
  model?: string;
  /** Another provider's result (providers.ts): the input keys it is about; absent: OpenAI's. */
  shape?: ResultShape;
}

/** A line that is not a result: said in batchlint's words, with the reason. */
export interface MalformedResult {
  malformed: string;
}

const TOP_LEVEL_STATUS: Record<string, ResultStatus> = {
  batch_expired: 'expired',
  batch_cancelled: 'cancelled',
  request_timeout: 'timed_out',
};

/** Reads one result line (without its line ending); never throws. */
export function readResult(text: string): RequestResult | MalformedResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { malformed: `This result line is not JSON (${reason}).` };
  }
  if (!isObject(value)) return { malformed: 'This result line is not a JSON object.' };
  const provider = readProviderResult(value);
  if (provider) return provider;
  const customId = value['custom_id'];
  if (typeof customId !== 'string')
    return {
      malformed: 'This result line has no custom_id, so it cannot be matched to a request.',
    };
  const error = value['error'];
  if (isObject(error)) {
    const read = readError(error);
    const code = read.code ?? '';
    return { customId, status: TOP_LEVEL_STATUS[code] ?? 'failed', error: read };
  }
  const response = value['response'];
  if (!isObject(response) || typeof response['status_code'] !== 'number')
    return {
      malformed: `The result for custom_id '${elide(customId)}' has neither a response with a status_code nor an error.`,
    };
  const statusCode = response['status_code'];
  const body = response['body'];
  if (statusCode >= 400) {
    const apiError =
      isObject(body) && isObject(body['error']) ? readError(body['error']) : undefined;
    return {
      customId,
      status: 'failed',
      statusCode,
      error: apiError ?? { message: `The request failed with HTTP status ${statusCode}.` },
    };
  }
  const result: RequestResult = { customId, status: 'succeeded', statusCode };
  if (isObject(body)) {
    const usage = readUsage(body['usage']);
    if (usage) result.usage = usage;
    const finish = finishReason(body);
    if (finish) result.finishReason = finish;
    if (typeof body['model'] === 'string') result.model = body['model'];
  }
  return result;
}

function readError(error: Record<string, unknown>): ResultError {
  const out: ResultError = {
    message: typeof error['message'] === 'string' ? error['message'] : 'The request failed.',
  };
  for (const key of ['code', 'param', 'type'] as const) {
    const value = error[key];
    if (typeof value === 'string' && value !== '') out[key] = value;
  }
  return out;
}

/** Why generation stopped: chat and completions per choice, responses by status. */
function finishReason(body: Record<string, unknown>): string | undefined {
  const choices = body['choices'];
  if (Array.isArray(choices) && isObject(choices[0])) {
    const reason = choices[0]['finish_reason'];
    if (typeof reason === 'string') return reason;
  }
  const status = body['status'];
  if (typeof status !== 'string') return undefined;
  const details = body['incomplete_details'];
  const reason = isObject(details) ? details['reason'] : undefined;
  return typeof reason === 'string' ? `${status} (${reason})` : status;
}
