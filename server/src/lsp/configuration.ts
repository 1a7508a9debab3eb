// Reads the `batchlint` settings: pulled with workspace/configuration when the client answers
// it, else taken from what the client pushes (didChangeConfiguration or initializationOptions).
// Either way they pass through normalizeSettings, and a change re-checks every open document.

import { MessageType, ShowMessageNotification } from 'vscode-languageserver/node';
import type { DidChangeConfigurationParams } from 'vscode-languageserver/node';
import { Settings } from '../protocol';
import type { BatchlintSettings } from '../protocol';
import type { ServerContext } from './context';
import { describeError } from './guard';
import { compileFilePatterns } from './file-patterns';
import { isObject } from '../core';
import { normalizeSettings, toCheckOptions } from './settings';
import type { Validator } from './validate';

/** The section out of a pushed payload: `{ batchlint: {...} }` or the section itself. */
export function pushedSection(payload: unknown): unknown {
  if (isObject(payload) && isObject(payload[Settings.section])) return payload[Settings.section];
  return payload;
}

export async function loadSettings(
  ctx: ServerContext,
  pushed: unknown,
): Promise<BatchlintSettings> {
  if (ctx.abilities.configuration) {
    try {
      const raw: unknown = await ctx.connection.workspace.getConfiguration({
        section: Settings.section,
      });
      return normalizeSettings(raw);
    } catch (error) {
      ctx.log(`batchlint: could not read the settings, using defaults: ${describeError(error)}`);
      return normalizeSettings(undefined);
    }
  }
  return normalizeSettings(pushedSection(pushed));
}

/** Applies new settings: models get the new check options, every open document is re-checked. */
export function applySettings(
  ctx: ServerContext,
  validator: Validator,
  settings: BatchlintSettings,
): void {
  ctx.settings = settings;
  useFilePatterns(ctx);
  ctx.documents.setOptions((uri) => toCheckOptions(settings, ctx.models, uri));
  validator.runAll();
}

/** Compiles `batchlint.files` for the current settings; says once which patterns are ignored. */
export function useFilePatterns(ctx: ServerContext): void {
  const previous = ctx.filePatterns.errors;
  ctx.filePatterns = compileFilePatterns(ctx.settings.files);
  for (const error of ctx.filePatterns.errors) {
    ctx.log(error);
    if (!previous.includes(error)) {
      void ctx.connection.sendNotification(ShowMessageNotification.type, {
        type: MessageType.Warning,
        message: error,
      });
    }
  }
}

export async function onConfigurationChange(
  ctx: ServerContext,
  validator: Validator,
  params: DidChangeConfigurationParams,
): Promise<void> {
  applySettings(ctx, validator, await loadSettings(ctx, params?.settings));
}
