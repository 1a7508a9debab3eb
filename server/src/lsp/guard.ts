// Keeps one bad request from taking the server down: every handler runs inside `guard`, which
// turns a thrown ResponseError into that error, and anything else into a logged InternalError.
// Parameter checks throw InvalidParams before a handler touches malformed input.

import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { isObject } from '../core';

type Logger = (message: string) => void;

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? error.message;
  return String(error);
}

/** Wraps a request handler: errors are logged and answered, never thrown out of the connection. */
export function guard<P, R>(
  name: string,
  log: Logger,
  handler: (params: P) => R | Promise<R>,
): (params: P) => Promise<R | ResponseError<void>> {
  return async (params: P) => {
    try {
      return await handler(params);
    } catch (error) {
      if (error instanceof ResponseError) return error as ResponseError<void>;
      log(`batchlint: ${name} failed: ${describeError(error)}`);
      return new ResponseError<void>(ErrorCodes.InternalError, `${name} failed: ${String(error)}`);
    }
  };
}

/** Wraps a notification handler: errors are logged and swallowed. */
export function guardNotification<P>(
  name: string,
  log: Logger,
  handler: (params: P) => void | Promise<void>,
): (params: P) => void {
  return (params: P) => {
    try {
      const done = handler(params);
      if (done instanceof Promise) {
        done.catch((error: unknown) => log(`batchlint: ${name} failed: ${describeError(error)}`));
      }
    } catch (error) {
      log(`batchlint: ${name} failed: ${describeError(error)}`);
    }
  };
}

function invalid(message: string): ResponseError<void> {
  return new ResponseError<void>(ErrorCodes.InvalidParams, message);
}

/** The document URI of a textDocument-style request, or InvalidParams. */
export function requireUri(params: unknown): string {
  if (!isObject(params) || !isObject(params.textDocument)) {
    throw invalid('Expected params.textDocument');
  }
  const uri = params.textDocument.uri;
  if (typeof uri !== 'string' || uri === '') throw invalid('Expected params.textDocument.uri');
  return uri;
}

/** A position inside params (`params[key]`), or InvalidParams. */
export function requirePosition(
  params: unknown,
  key = 'position',
): { line: number; character: number } {
  const p = isObject(params) ? params[key] : undefined;
  if (!isObject(p) || !isCount(p.line) || !isCount(p.character)) {
    throw invalid(`Expected params.${key} with a line and a character`);
  }
  return { line: p.line, character: p.character };
}

/** A range inside params (`params[key]`), or InvalidParams. */
export function requireRange(
  params: unknown,
  key = 'range',
): { start: { line: number; character: number }; end: { line: number; character: number } } {
  const r = isObject(params) ? params[key] : undefined;
  if (!isObject(r)) throw invalid(`Expected params.${key}`);
  return { start: requirePosition(r, 'start'), end: requirePosition(r, 'end') };
}

export function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

export { invalid };
