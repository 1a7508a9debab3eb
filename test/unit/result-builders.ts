// Result lines in the shapes the Batch API writes to its output and error files, so each test
// row says only what it is about.

export type Json = Record<string, unknown>;

let sequence = 0;

/** A successful chat completion's result line. */
export function succeeded(
  customId: string,
  usage: Json = { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
  model = 'gpt-4o-mini-2024-07-18',
): string {
  return JSON.stringify({
    id: `batch_req_${++sequence}`,
    custom_id: customId,
    response: {
      status_code: 200,
      request_id: `req_${sequence}`,
      body: {
        id: `chatcmpl-${sequence}`,
        object: 'chat.completion',
        model,
        choices: [
          { index: 0, message: { role: 'assistant', content: 'Hi.' }, finish_reason: 'stop' },
        ],
        usage,
      },
    },
    error: null,
  });
}

/** A request the API refused: the error object in `response.body.error`, top-level `error` null. */
export function failed(
  customId: string,
  error: { message: string; code?: string | null; param?: string | null; type?: string },
  statusCode = 400,
): string {
  return JSON.stringify({
    id: `batch_req_${++sequence}`,
    custom_id: customId,
    response: {
      status_code: statusCode,
      request_id: `req_${sequence}`,
      body: {
        error: { type: 'invalid_request_error', code: null, param: null, ...error },
      },
    },
    error: null,
  });
}

/** A request that never ran: `response` null, the reason in the top-level `error`. */
export function notRun(customId: string, code: string, message: string): string {
  return JSON.stringify({
    id: `batch_req_${++sequence}`,
    custom_id: customId,
    response: null,
    error: { code, message },
  });
}

export const EXPIRED_MESSAGE =
  'This request could not be executed before the completion window expired.';

/** The batch object of a batch that failed validation, with its errors.data entries. */
export function failedBatch(
  errors: { code: string; message: string; param?: string | null; line?: number | null }[],
): Json {
  return {
    id: 'batch_abc123',
    object: 'batch',
    endpoint: '/v1/chat/completions',
    status: 'failed',
    errors: {
      object: 'list',
      data: errors.map((e) => ({ param: null, line: null, ...e })),
    },
  };
}
