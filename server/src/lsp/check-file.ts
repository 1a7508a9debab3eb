// `batchlint/checkFile`: checks a file on disk as a stream (for files too large for the editor
// to hand over: VS Code syncs at most 50 MB, the Batch API takes 200 MB), reports work-done
// progress and publishes the problems under the file's URI.

import { open, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { isAbsolute } from 'node:path';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import type { CancellationToken, WorkDoneProgressReporter } from 'vscode-languageserver/node';
import { checkFile } from '../core/node';
import type { CheckFileResult } from '../protocol';
import type { ServerContext } from './context';
import { toDiagnostic } from './diagnostics';
import { invalid } from './guard';
import { formatBytes, isObject } from '../core';
import { toCheckOptions } from './settings';
import { PositionMapper } from './position-mapper';

/** Lines are not read when a mapper has no lone "\r" to place. */
const NO_LINES = { lineCount: 0, getLine: (): string => '' };

/** The file path and URI a request names (a file: URI or an absolute path). */
export function resolveTarget(params: unknown): { path: string; uri: string } {
  const raw = isObject(params) ? params.uri : undefined;
  if (typeof raw !== 'string' || raw === '')
    throw invalid('Expected params.uri (a file: URI or an absolute path)');
  if (raw.startsWith('file:')) {
    try {
      return { path: fileURLToPath(raw), uri: raw };
    } catch {
      throw invalid(`Not a file URI: ${raw}`);
    }
  }
  if (!isAbsolute(raw)) throw invalid(`Not an absolute path or a file: URI: ${raw}`);
  return { path: raw, uri: pathToFileURL(raw).toString() };
}

async function reporterFor(
  ctx: ServerContext,
  params: unknown,
): Promise<WorkDoneProgressReporter | undefined> {
  const token = isObject(params) ? params.workDoneToken : undefined;
  if (typeof token === 'string' || typeof token === 'number') {
    return ctx.connection.window.attachWorkDoneProgress(token);
  }
  if (!ctx.abilities.workDoneProgress) return undefined;
  try {
    return await ctx.connection.window.createWorkDoneProgress();
  } catch {
    return undefined; // The client said no; check without progress.
  }
}

/** What a path is when it is not a regular file (reading a FIFO or a device would block). */
function kindOf(stats: Stats): string | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Refuses anything but a regular file before reading it (checkFile, fixFile): the server must
 * never block, and a read that blocks holds one of the four threads every file request shares.
 * `verb` says what was not done: 'check' → "Not checked: … batchlint checks regular files only."
 */
export async function requireRegularFile(path: string, verb: 'check' | 'fix'): Promise<void> {
  const [done, does] = verb === 'check' ? ['checked', 'checks'] : ['fixed', 'fixes'];
  let stats: Stats;
  try {
    stats = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (code === 'ENOENT')
      throw new ResponseError<void>(LSPErrorCodes.RequestFailed, `No such file: ${path}`);
    throw new ResponseError<void>(
      LSPErrorCodes.RequestFailed,
      `Could not ${verb} ${path}: ${String(error)}`,
    );
  }
  const kind = kindOf(stats);
  if (kind) {
    throw new ResponseError<void>(
      LSPErrorCodes.RequestFailed,
      `Not ${done}: ${path} is ${kind}; batchlint ${does} regular files only.`,
    );
  }
}

/** Whether a file starts with a UTF-8 byte order mark (its first three bytes). */
async function startsWithBom(path: string): Promise<boolean> {
  const file = await open(path, 'r');
  try {
    const head = Buffer.alloc(3);
    const { bytesRead } = await file.read(head, 0, 3, 0);
    return bytesRead === 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  } finally {
    await file.close();
  }
}

export async function checkFileOnDisk(
  ctx: ServerContext,
  params: unknown,
  token?: CancellationToken,
): Promise<CheckFileResult> {
  const target = resolveTarget(params);
  await requireRegularFile(target.path, 'check');
  const progress = await reporterFor(ctx, params);
  const name = target.path.slice(target.path.replace(/\\/g, '/').lastIndexOf('/') + 1);
  progress?.begin(`batchlint: checking ${name}`, 0, undefined, true);
  let lastPercent = -1;
  try {
    const result = await checkFile(target.path, {
      ...toCheckOptions(ctx.settings, ctx.models, target.uri),
      onProgress(read, total) {
        // Stops the read between two chunks; nothing is published for a cancelled check.
        const ownToken = (progress as { token?: CancellationToken } | undefined)?.token;
        if (token?.isCancellationRequested || ownToken?.isCancellationRequested)
          throw new ResponseError<void>(LSPErrorCodes.RequestCancelled, 'Cancelled');
        if (!progress || total <= 0) return;
        const percent = Math.min(100, Math.floor((read / total) * 100));
        if (percent === lastPercent) return;
        lastPercent = percent;
        progress.report(percent, `${formatBytes(read)} of ${formatBytes(total)}`);
      },
    });
    // Editor positions for a file the editor does not hold: a BOM shifts line 0. (A lone "\r"
    // inside a line would need the line's text, which a streamed check does not keep.)
    const mapper = new PositionMapper(NO_LINES, await startsWithBom(target.path), []);
    await ctx.connection.sendDiagnostics({
      uri: target.uri,
      diagnostics: result.problems.map((p) =>
        toDiagnostic(
          p.fix?.id === 'remove-bom' ? { ...p, endColumn: 1 } : mapper.spanToEditor(p),
          target.uri,
          0,
        ),
      ),
    });
    const { requests, errors, warnings, bytes } = result.summary;
    return { requests, errors, warnings, bytes };
  } catch (error) {
    if (error instanceof ResponseError) throw error;
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    const message = error instanceof Error ? error.message : String(error);
    throw new ResponseError<void>(
      LSPErrorCodes.RequestFailed,
      code === 'ENOENT'
        ? `No such file: ${target.path}`
        : `Could not check ${target.path}: ${message}`,
    );
  } finally {
    progress?.done();
  }
}
