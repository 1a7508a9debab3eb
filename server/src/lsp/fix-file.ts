// `batchlint/fixFile`: applies every safe fix to a file on disk as a stream (the command line's
// `batchlint fix`, for files too large for the editor to hand over), into `NAME.fixed.jsonl`
// beside it or, when asked, over the file itself. Either way the result is written to a new
// file and renamed into place (cli/output.ts), so the file is never half written; rewriting in
// place cannot be undone from the editor, which the client says before asking for it. Only a
// regular file is read (a FIFO would block the server), and a temporary file is removed however
// the request ends, the server's exit included.

import { createReadStream } from 'node:fs';
import { once } from 'node:events';
import { pathToFileURL } from 'node:url';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import type { CancellationToken } from 'vscode-languageserver/node';
import { BinaryInputError, fixStream } from '../core/node';
import type { FixFileResult } from '../protocol';
import { openDestination } from '../cli/output';
import type { Destination } from '../cli/output';
import type { ServerContext } from './context';
import { requireRegularFile, resolveTarget } from './check-file';
import { isObject } from '../core';
import { toCheckOptions } from './settings';

/** `data/batch.jsonl` → `data/batch.fixed.jsonl`. */
export function fixedPath(path: string): string {
  return /\.jsonl$/i.test(path) ? path.replace(/\.jsonl$/i, '.fixed.jsonl') : `${path}.fixed.jsonl`;
}

/** Writes under way: their temporary files are removed if the server exits before they end. */
const pending = new Set<Destination>();
let exitHook = false;

function track(output: Destination): void {
  if (!exitHook) {
    exitHook = true;
    process.on('exit', () => pending.forEach((d) => d.abort()));
  }
  pending.add(output);
}

export async function fixFileOnDisk(
  ctx: ServerContext,
  params: unknown,
  token?: CancellationToken,
): Promise<FixFileResult> {
  const source = resolveTarget(params);
  const inPlace = isObject(params) && params.inPlace === true;
  const target = inPlace ? source.path : fixedPath(source.path);
  const fail = (message: string): ResponseError<void> =>
    new ResponseError<void>(LSPErrorCodes.RequestFailed, message);
  await requireRegularFile(source.path, 'fix');
  let output: Destination;
  try {
    output = openDestination({
      file: source.path,
      write: inPlace,
      output: target,
      outputName: 'the output',
      instead: inPlace ? 'fix it into a new file instead' : 'remove it, or fix the file in place',
    });
  } catch (error) {
    throw fail(error instanceof Error ? error.message : String(error));
  }
  track(output);
  try {
    const input = createReadStream(source.path, { highWaterMark: 1 << 20 });
    const chunks = (async function* () {
      for await (const chunk of input) {
        if (token?.isCancellationRequested) {
          input.destroy();
          throw new ResponseError<void>(LSPErrorCodes.RequestCancelled, 'Cancelled');
        }
        yield chunk as Buffer;
      }
    })();
    const outcome = await fixStream(
      chunks,
      async (piece) => {
        if (!output.stream.write(piece)) await once(output.stream, 'drain');
      },
      toCheckOptions(ctx.settings, ctx.models, source.uri),
    );
    await output.commit();
    pending.delete(output);
    const { errors, warnings } = outcome.after.summary;
    return {
      applied: outcome.applied,
      uri: inPlace ? source.uri : pathToFileURL(target).toString(),
      errors,
      warnings,
    };
  } catch (error) {
    output.abort();
    pending.delete(output);
    if (error instanceof ResponseError) throw error;
    if (error instanceof BinaryInputError)
      throw fail(`${source.path} is not a text file (it holds NUL bytes); nothing was written.`);
    throw fail(
      `Could not fix ${source.path}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
