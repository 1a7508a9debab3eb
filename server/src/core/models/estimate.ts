// What a batch will cost before it is sent: per model, the requests, the input tokens (text in
// the model's encoding, message framing, images by their formula) and the most output tokens the
// requests allow, priced at the model table's batch prices. Lines of any provider's batch format
// are counted (countable.ts reads each as a chat body). Lines are given one at a time, so a
// file of any size is estimated in the memory of its longest line. Pure: the editor estimates an
// open document's text with it, and estimate-stream.ts reads files for the command line.

import type { ModelCatalogue } from './catalogue';
import type { ModelFacts, Tier } from './types';
import { countTokens } from './tokens';
import { dataUrlDimensions, imageTokens } from './image-tokens';
import { isObject } from '../json';
import { countableOf } from './countable';
import { RequestLines } from './estimate-lines';
import type { RequestForm } from './estimate-lines';

/** The name under which requests that name no model are counted: the job names it. */
export const JOB_MODEL = "(the job's model)";

/**
 * Tokens the API adds per message and to prime the reply. OpenAI's cookbook
 * (`num_tokens_from_messages`, examples/Chat_finetuning_data_prep.ipynb) says 3 and 3, +1 for a
 * `name`, and marks them "not exact"; the Responses API publishes no figure, so the same is used.
 */
const PER_MESSAGE = 3;
const PER_NAME = 1;
const REPLY_PRIMING = 3;

/** One model's share of a file. Token counts are whole tokens; prices USD per 1M tokens. */
export interface ModelEstimate {
  /** The `model` as the requests name it. */
  model: string;
  /** The table's id for it, or undefined when the table does not know it. */
  id?: string;
  requests: number;
  input_tokens: number;
  /**
   * Sum over requests of the output cap (`max_completion_tokens`, `max_tokens`,
   * `max_output_tokens`, × `n`, else the model's own), each cap at most the model's maximum.
   */
  max_output_tokens: number;
  /** The model table's maximum output tokens per generation, when it gives one. */
  outputMaximum?: number;
  /** Requests whose cap is above the model's maximum: counted at the maximum. */
  cappedRequests: number;
  /** Requests with no output cap and no model maximum to fall back on. */
  uncappedRequests: number;
  /** Images whose size could not be read (a web URL, a file id) or whose model has no published formula. */
  unknownImages: number;
  /** Requests whose body shape batchlint does not read (Mistral's OCR document): no tokens counted. */
  uncountedRequests: number;
  /** Why, once per kind of shape. */
  uncountedWhy: string[];
  batchPrice?: { input: number; output: number };
  batchQueueLimits?: Partial<Record<Tier, number>>;
}

export interface FileEstimate {
  /** The requests, as `check` counts them: those below included. */
  requests: number;
  /** Requests on lines whose JSON must be repaired first (`batchlint fix` does): counted repaired. */
  repairedRequests: number;
  /** Requests spread over several lines, which must be joined first (`batchlint fix` does). */
  joinedRequests: number;
  /** Lines that are not a request this estimate can read (not JSON, no body): not counted. */
  skippedLines: number;
  models: ModelEstimate[];
}

/** Adds up the requests of one file, line by line. */
export class BatchEstimator {
  private readonly byModel = new Map<string, ModelEstimate>();
  private requests = 0;
  private repaired = 0;
  private joined = 0;
  private skipped = 0;
  private readonly lines = new RequestLines(
    (request, form) => this.count(request, form),
    () => this.skipped++,
  );
  private ended = false;

  constructor(private readonly catalogue: ModelCatalogue) {}

  /**
   * One line of the file (without its newline). Blank lines are ignored; a line nested deeper than
   * any stage reads (see depth.ts) is skipped, as a line that is not JSON is. Lines are read as
   * `check` reads them (estimate-lines.ts): repaired, or joined with the lines of their request.
   */
  line(text: string): void {
    this.lines.line(text);
  }

  private count(request: unknown, form: RequestForm): void {
    const countable = isObject(request) ? countableOf(request) : undefined;
    if (!countable) {
      this.skipped++;
      return;
    }
    this.requests++;
    if (form === 'repaired') this.repaired++;
    else if (form === 'joined') this.joined++;
    // Other providers' lines name no model where the job names it (Gemini, Bedrock).
    const name =
      countable.model ??
      (isObject(request) && isObject(request.body) && 'url' in request ? '(no model)' : JOB_MODEL);
    const resolved = this.catalogue.resolve(name);
    const facts: Readonly<ModelFacts> = resolved?.facts ?? {};
    let entry = this.byModel.get(name);
    if (!entry) {
      const batch = facts.prices?.batch;
      entry = {
        model: name,
        ...(resolved && { id: resolved.id }),
        requests: 0,
        input_tokens: 0,
        max_output_tokens: 0,
        ...(facts.maxOutputTokens !== undefined && { outputMaximum: facts.maxOutputTokens }),
        cappedRequests: 0,
        uncappedRequests: 0,
        unknownImages: 0,
        uncountedRequests: 0,
        uncountedWhy: [],
        ...(batch && { batchPrice: { input: batch.input, output: batch.output } }),
        ...(facts.batchQueueLimits && { batchQueueLimits: facts.batchQueueLimits }),
      };
      this.byModel.set(name, entry);
    }
    entry.requests++;
    if ('uncounted' in countable) {
      entry.uncountedRequests++;
      if (!entry.uncountedWhy.includes(countable.uncounted))
        entry.uncountedWhy.push(countable.uncounted);
      return;
    }
    const counted = requestTokens(countable.body, countable.url, facts);
    entry.input_tokens += counted.input;
    entry.unknownImages += counted.unknownImages;
    if (counted.maxOutput === undefined) entry.uncappedRequests++;
    else entry.max_output_tokens += counted.maxOutput;
    if (counted.capped) entry.cappedRequests++;
  }

  /** The file's estimate, once every line is given (lines after it are not read). */
  result(): FileEstimate {
    if (!this.ended) {
      this.ended = true;
      this.lines.end();
    }
    return {
      requests: this.requests,
      repairedRequests: this.repaired,
      joinedRequests: this.joined,
      skippedLines: this.skipped,
      models: [...this.byModel.values()],
    };
  }
}

/** USD for `tokens` at `perMillion` USD per 1M tokens, to a millionth of a dollar. */
export function costUsd(tokens: number, perMillion: number): number {
  return Math.round(tokens * perMillion) / 1e6;
}

interface RequestTokens {
  input: number;
  /** undefined: the request sets no cap and the table gives no maximum. */
  maxOutput: number | undefined;
  /** The request's cap is above the model's maximum output, which was counted instead. */
  capped: boolean;
  unknownImages: number;
}

/** The input tokens and output cap of one request body on `url`. */
export function requestTokens(
  body: Record<string, unknown>,
  url: string,
  facts: Readonly<ModelFacts>,
): RequestTokens {
  const texts: string[] = [];
  const images = { tokens: 0, unknown: 0 };
  let framing: number;
  let cap: unknown;
  const n = typeof body.n === 'number' && body.n >= 1 ? body.n : 1;
  if (url.endsWith('/chat/completions')) {
    framing = messagesTexts(body.messages, texts, images, facts) + REPLY_PRIMING;
    cap = body.max_completion_tokens ?? body.max_tokens;
    structuredTexts([body.tools, body.functions, body.response_format], texts);
  } else if (url.endsWith('/responses')) {
    if (typeof body.instructions === 'string') texts.push(body.instructions);
    framing = messagesTexts(body.input, texts, images, facts) + REPLY_PRIMING;
    cap = body.max_output_tokens;
    structuredTexts([body.tools, isObject(body.text) ? body.text.format : undefined], texts);
  } else if (url.endsWith('/completions')) {
    framing = plainTexts(body.prompt, texts);
    cap = body.max_tokens ?? 16; // the API's default for completions
  } else {
    // Embeddings, moderations, images and videos: the text they are given, no reply to cap.
    framing = plainTexts(body.input ?? body.prompt, texts);
    cap = 0;
  }
  const counted = texts.length > 0 ? (countTokens(texts, facts.tokenizer)?.tokens ?? 0) : 0;
  const most = facts.maxOutputTokens;
  const asked = typeof cap === 'number' && cap >= 0 ? cap : undefined;
  // The model writes no more than its maximum, whatever the cap asks for (the API may refuse such
  // a cap; check says so): the estimate's upper bound is the smaller of the two.
  const capped = asked !== undefined && most !== undefined && asked > most;
  const limit = capped ? most : (asked ?? most);
  return {
    input: counted + framing + images.tokens,
    maxOutput: limit === undefined ? undefined : limit * n,
    capped,
    unknownImages: images.unknown,
  };
}

/**
 * Strings (or arrays of strings) as given to embeddings, completions, moderations; returns the
 * tokens given as token ids (an array of integers, or arrays of them), which are not text.
 */
function plainTexts(value: unknown, out: string[]): number {
  if (typeof value === 'string') out.push(value);
  if (!Array.isArray(value)) return 0;
  if (value.every((item) => typeof item === 'number')) return value.length;
  let ids = 0;
  for (const item of value) {
    if (typeof item === 'string') out.push(item);
    else if (isObject(item) && typeof item.text === 'string') out.push(item.text);
    else if (Array.isArray(item)) ids += item.length;
  }
  return ids;
}

/** Tools and schemas reach the model as text: their JSON is counted (an approximation). */
function structuredTexts(values: unknown[], out: string[]): void {
  for (const value of values)
    if (value !== undefined && value !== null) out.push(JSON.stringify(value));
}

/**
 * Pushes the role, name and text of each message to `out`, adds its images to `images`, and
 * returns the framing tokens (per message, per name). A plain string counts as one message.
 */
function messagesTexts(
  messages: unknown,
  out: string[],
  images: { tokens: number; unknown: number },
  facts: Readonly<ModelFacts>,
): number {
  if (typeof messages === 'string') {
    out.push(messages);
    return PER_MESSAGE;
  }
  if (!Array.isArray(messages)) return 0;
  let framing = 0;
  for (const message of messages) {
    if (!isObject(message)) continue;
    framing += PER_MESSAGE;
    if (typeof message.role === 'string') out.push(message.role);
    if (typeof message.name === 'string') {
      out.push(message.name);
      framing += PER_NAME;
    }
    const content = message.content;
    if (typeof content === 'string') out.push(content);
    else if (Array.isArray(content)) {
      for (const part of content) if (isObject(part)) partTexts(part, out, images, facts);
    } else if (message.type !== undefined && message.role === undefined) {
      // A Responses item that is not a message (function_call_output…): its JSON, approximately.
      out.push(JSON.stringify(message));
    }
  }
  return framing;
}

function partTexts(
  part: Record<string, unknown>,
  out: string[],
  images: { tokens: number; unknown: number },
  facts: Readonly<ModelFacts>,
): void {
  if (typeof part.text === 'string') {
    out.push(part.text);
    return;
  }
  // Chat: {type: image_url, image_url: {url, detail}}; Responses: {type: input_image, image_url, detail}.
  const image = isObject(part.image_url) ? part.image_url : part;
  const url = typeof image.image_url === 'string' ? image.image_url : image.url;
  if (part.type !== 'image_url' && part.type !== 'input_image') return;
  const size = typeof url === 'string' ? dataUrlDimensions(url) : undefined;
  if (!size || !facts.imageTokens) {
    images.unknown++;
    return;
  }
  images.tokens += imageTokens(facts.imageTokens, size, image.detail ?? 'auto');
}
