// Decides where a batch file is cut into parts: each part holds at most `maxRequests` requests
// and `maxBytes` bytes, and only one url and one model (a batch takes one of each). Parts are
// runs of consecutive lines, so the parts joined in order are the input, byte for byte.

import { isObject } from '../json';

export interface SplitLimits {
  /** Requests per part (the Batch API's limit is 50,000); Infinity where a provider sets none. */
  maxRequests: number;
  /** Bytes per part, line endings (and a leading BOM) included (the API's limit is 200 MB). */
  maxBytes: number;
}

/** Where a dialect's lines hold the request body (`body`, `params`, `request`, `modelInput`). */
export interface LineShape {
  body: string;
}

/** What a part holds so far. */
export interface PartFacts {
  requests: number;
  bytes: number;
  url?: string;
  model?: string;
  /** 0-based line of the input where the part starts. */
  firstLine: number;
}

/**
 * A request written over several lines (pretty-printed): a split cuts only between lines, so it
 * could cut the request in two, and the Batch API refuses such a file anyway. `batchlint fix`
 * writes each request on one line; split then.
 */
export class RequestSpansLines extends Error {
  constructor(
    readonly startLine: number,
    readonly endLine: number,
  ) {
    super(
      `lines ${startLine + 1}-${endLine + 1} hold one request written over several lines, which a split could cut in two; run batchlint fix on the file first to write each request on one line`,
    );
  }
}

/**
 * A line of a JSON array of requests (its "[" or "]", a request with the array's comma, or the
 * whole array on one line): the requests are not one per line yet, and the parts would not be.
 */
export class RequestsInArray extends Error {
  constructor(readonly line: number) {
    super(
      `line ${line + 1} is part of a JSON array of requests, not one request per line; run batchlint fix on the file first to write each request on a line of its own`,
    );
  }
}

/** A line that cannot go in any part: alone it is over the byte limit. */
export class LineTooLarge extends Error {
  constructor(
    readonly line: number,
    readonly bytes: number,
    limit: number,
  ) {
    super(
      `line ${line + 1} alone is ${bytes.toLocaleString('en-US')} bytes, more than the ${limit.toLocaleString('en-US')} bytes a part may hold`,
    );
  }
}

/** Feeds lines in order; says for each whether it starts a new part. */
export class PartPlanner {
  private current: PartFacts | undefined;
  readonly parts: PartFacts[] = [];

  constructor(
    private readonly limits: SplitLimits,
    private readonly shape: LineShape = { body: 'body' },
  ) {}

  /**
   * Takes one line: `value`, the line parsed (undefined when it is not JSON; its url and model
   * are read from it), and its size in bytes. Returns true when the line starts a new part.
   * Throws LineTooLarge when no part can hold it.
   */
  add(line: number, value: unknown, bytes: number): boolean {
    if (bytes > this.limits.maxBytes) throw new LineTooLarge(line, bytes, this.limits.maxBytes);
    const request = requestKey(value, this.shape.body);
    const part = this.current;
    const fresh =
      !part ||
      part.bytes + bytes > this.limits.maxBytes ||
      (request !== undefined &&
        (part.requests + 1 > this.limits.maxRequests ||
          (part.requests > 0 && (request.url !== part.url || request.model !== part.model))));
    const target = fresh ? this.start(line) : part!;
    target.bytes += bytes;
    if (request) {
      if (target.requests === 0) {
        if (request.url !== undefined) target.url = request.url;
        if (request.model !== undefined) target.model = request.model;
      }
      target.requests++;
    }
    return fresh;
  }

  private start(line: number): PartFacts {
    this.current = { requests: 0, bytes: 0, firstLine: line };
    this.parts.push(this.current);
    return this.current;
  }
}

/**
 * A request line's url and model (the model inside its body key; Gemini and Bedrock lines name
 * none, the job does); undefined for a line that is not a request object.
 */
function requestKey(value: unknown, bodyKey: string): { url?: string; model?: string } | undefined {
  if (!isObject(value)) return undefined;
  const key: { url?: string; model?: string } = {};
  if (typeof value['url'] === 'string') key.url = value['url'];
  const body = value[bodyKey];
  if (isObject(body) && typeof body['model'] === 'string') key.model = body['model'];
  return key;
}
