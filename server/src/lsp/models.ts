// The user's model table (the `batchlint.models` setting): the client reads the file (on the
// desktop and in the web alike, through the editor's file system) and sends its text with
// `batchlint/models`; the server layers it over the built-in table for every check, hover and
// completion. A bad file is refused whole, with the path of the bad field, and the built-in
// table stays in force.

import { MessageType, ShowMessageNotification } from 'vscode-languageserver/node';
import { ModelCatalogue, ModelsFileError, catalogueFromText, isObject } from '../core';
import type { ModelsParams } from '../protocol';
import type { ServerContext } from './context';
import { toCheckOptions } from './settings';
import type { Validator } from './validate';

/** The params of `batchlint/models`, checked: anything malformed is treated as "no file". */
function readParams(raw: unknown): ModelsParams {
  if (!isObject(raw) || typeof raw.path !== 'string') return { path: '' };
  const params: ModelsParams = { path: raw.path };
  if (typeof raw.text === 'string') params.text = raw.text;
  if (typeof raw.error === 'string') params.error = raw.error;
  return params;
}

/** Applies a models file (or its absence): every open document is re-checked with it. */
export function onModels(ctx: ServerContext, validator: Validator, raw: unknown): void {
  const params = readParams(raw);
  let models = ModelCatalogue.builtIn();
  let problem: string | undefined = params.error;
  if (params.text !== undefined && problem === undefined) {
    try {
      models = catalogueFromText(params.text);
    } catch (error) {
      problem = error instanceof ModelsFileError ? error.message : String(error);
    }
  }
  if (problem !== undefined) {
    const message = `batchlint.models: ${params.path}: ${problem} The built-in model table is used.`;
    ctx.log(message);
    void ctx.connection.sendNotification(ShowMessageNotification.type, {
      type: MessageType.Warning,
      message,
    });
  } else if (params.text !== undefined) {
    ctx.log(`batchlint: model table ${params.path} in force.`);
  }
  ctx.models = models;
  ctx.documents.setOptions((uri) => toCheckOptions(ctx.settings, ctx.models, uri));
  validator.runAll();
}
