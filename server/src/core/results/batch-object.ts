// Reads the batch object (what `GET /v1/batches/{id}` returns) for what it says about the input
// file: its status, and for a batch that failed validation the `errors.data[]` list of
// BatchError {code, message, param, line}, where `line` is the 1-based line of the input file.

import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { isObject } from '../json';

export interface BatchError {
  message: string;
  code?: string;
  /** The parameter the error names, from the line's root (`body.model`, `url`). */
  param?: string;
  /** 0-based line of the input file (the API counts from 1); absent for file-wide errors. */
  line?: number;
  /** Where the entry sits in the batch object's own text (0-based line, UTF-16 column). */
  at: { line: number; column: number };
}

export interface BatchObject {
  id?: string;
  status?: string;
  errors: BatchError[];
}

/** Parses a batch object's JSON text; throws an Error with a one-line reason when it is not one. */
export function readBatchObject(text: string): BatchObject {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(clean);
  } catch (error) {
    throw new Error(`not JSON (${error instanceof Error ? error.message : String(error)})`, {
      cause: error,
    });
  }
  // The API's object says "object": "batch"; a copy trimmed by hand at least keeps its status.
  if (
    !isObject(value) ||
    (value['object'] !== 'batch' &&
      (value['object'] !== undefined || typeof value['status'] !== 'string'))
  )
    throw new Error('not a batch object (expected {"object": "batch", "id", "status", …})');
  const batch: BatchObject = { errors: [] };
  if (typeof value['id'] === 'string') batch.id = value['id'];
  if (typeof value['status'] === 'string') batch.status = value['status'];
  const errors = value['errors'];
  const data = isObject(errors) ? errors['data'] : undefined;
  if (!Array.isArray(data)) return batch;
  const tree = parseTree(clean);
  const lineStarts = lineStartsOf(clean);
  data.forEach((entry, index) => {
    if (!isObject(entry)) return;
    const node = tree && findNodeAtLocation(tree, ['errors', 'data', index]);
    const error: BatchError = {
      message: typeof entry['message'] === 'string' ? entry['message'] : 'The batch failed.',
      at: position(lineStarts, node ? node.offset : 0),
    };
    if (typeof entry['code'] === 'string') error.code = entry['code'];
    if (typeof entry['param'] === 'string' && entry['param'] !== '') error.param = entry['param'];
    const line = entry['line'];
    if (typeof line === 'number' && Number.isInteger(line) && line >= 1) error.line = line - 1;
    batch.errors.push(error);
  });
  return batch;
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function position(lineStarts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low, column: offset - lineStarts[low]! };
}
