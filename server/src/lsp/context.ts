// What every feature of the server shares: the connection, the open documents, the current
// settings and what the client can do. Features get this object instead of reaching for globals.

import type { Connection } from 'vscode-languageserver/node';
import type { BatchlintSettings } from '../protocol';
import type { DocumentStore } from './documents';
import type { FilePatterns } from './file-patterns';
import type { ModelCatalogue } from '../core';

export interface ClientAbilities {
  /** workspace/configuration requests are answered. */
  configuration: boolean;
  /** WorkspaceEdit.documentChanges (versioned edits) are understood. */
  documentChanges: boolean;
  /** window/workDoneProgress/create is understood. */
  workDoneProgress: boolean;
  /** Completion items may be snippets (`"key": ${1:0}`). */
  snippets: boolean;
}

export interface ServerContext {
  readonly connection: Connection;
  readonly documents: DocumentStore;
  readonly abilities: ClientAbilities;
  settings: BatchlintSettings;
  /** The model table in force: the built-in one with the user's `batchlint.models` file on it. */
  models: ModelCatalogue;
  /** `settings.files`, compiled once per settings change. */
  filePatterns: FilePatterns;
  /** Logs to the client's output channel; never throws. */
  log(message: string): void;
}
