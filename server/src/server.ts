// The batchlint language server's entry point: creates the connection (stdio, node IPC or
// socket, picked from argv by vscode-languageserver), states the capabilities and wires each
// LSP message to its feature module in ./lsp. No feature logic lives here.

import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import type { InitializeParams, InitializeResult } from 'vscode-languageserver/node';
import { Commands, FIX_ALL_KIND, Methods, Settings } from './protocol';
import { codeActions } from './lsp/code-actions';
import { checkFileOnDisk } from './lsp/check-file';
import { completion, COMPLETION_TRIGGERS } from './lsp/completion';
import {
  applySettings,
  useFilePatterns,
  loadSettings,
  onConfigurationChange,
  pushedSection,
} from './lsp/configuration';
import type { ServerContext } from './lsp/context';
import { convertDocument } from './lsp/convert-command';
import { DocumentStore } from './lsp/documents';
import { describeError, guard, guardNotification, invalid } from './lsp/guard';
import { hover } from './lsp/hover';
import { compileFilePatterns } from './lsp/file-patterns';
import { normalizeSettings, toCheckOptions } from './lsp/settings';
import { connectFromArgv } from './lsp/transport';
import { Validator } from './lsp/validate';

/** The package version, written in by the bundler (absent when run from tsc output). */
declare const BATCHLINT_VERSION: string | undefined;
const VERSION = typeof BATCHLINT_VERSION === 'string' ? BATCHLINT_VERSION : '0.0.0-dev';

const connection = connectFromArgv();
const log = (message: string): void => {
  try {
    connection.console.error(message);
  } catch {
    // The connection is gone; nothing left to tell.
  }
};

const ctx: ServerContext = {
  connection,
  documents: new DocumentStore(() => toCheckOptions(ctx.settings)),
  abilities: { configuration: false, documentChanges: false, workDoneProgress: false },
  settings: normalizeSettings(undefined),
  filePatterns: compileFilePatterns([]),
  log,
};
const validator = new Validator(ctx);
let dynamicConfiguration = false;

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const caps = params.capabilities ?? {};
  ctx.abilities.configuration = caps.workspace?.configuration === true;
  ctx.abilities.documentChanges = caps.workspace?.workspaceEdit?.documentChanges === true;
  ctx.abilities.workDoneProgress = caps.window?.workDoneProgress === true;
  dynamicConfiguration = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  ctx.settings = normalizeSettings(pushedSection(params.initializationOptions));
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      executeCommandProvider: { commands: [Commands.serverConvert] },
      hoverProvider: true,
      completionProvider: { triggerCharacters: COMPLETION_TRIGGERS },
    },
    serverInfo: { name: 'batchlint', version: VERSION },
  };
});

connection.onInitialized(
  guardNotification('initialized', log, async () => {
    // The patterns pushed with initialize; said to the user now that messages may be shown.
    useFilePatterns(ctx);
    if (dynamicConfiguration) {
      await connection.client.register(DidChangeConfigurationNotification.type, {
        section: Settings.section,
      });
    }
    if (ctx.abilities.configuration)
      applySettings(ctx, validator, await loadSettings(ctx, undefined));
  }),
);

connection.onDidChangeConfiguration(
  guardNotification('didChangeConfiguration', log, (params) =>
    onConfigurationChange(ctx, validator, params),
  ),
);

connection.onDidOpenTextDocument(
  guardNotification('didOpen', log, (params) => validator.run(ctx.documents.open(params))),
);
connection.onDidChangeTextDocument(
  guardNotification('didChange', log, (params) => {
    const doc = ctx.documents.change(params);
    if (doc) validator.schedule(doc);
  }),
);
connection.onDidCloseTextDocument(
  guardNotification('didClose', log, (params) => {
    if (ctx.documents.close(params)) validator.clear(params.textDocument.uri);
  }),
);

connection.onCodeAction(guard('codeAction', log, (params) => codeActions(ctx, validator, params)));
connection.onHover(guard('hover', log, (params) => hover(ctx, params)));
connection.onCompletion(guard('completion', log, (params) => completion(ctx, params)));
connection.onExecuteCommand(
  guard('executeCommand', log, (params) => {
    if (params?.command === Commands.serverConvert) return convertDocument(ctx, params);
    throw invalid(`Unknown command: ${String(params?.command)}`);
  }),
);
connection.onRequest(
  Methods.checkFile,
  guard('checkFile', log, (params: unknown) => checkFileOnDisk(ctx, params)),
);

// A bug in one handler must not end the session for every other document.
process.on('uncaughtException', (error) =>
  log(`batchlint: unexpected error: ${describeError(error)}`),
);
process.on('unhandledRejection', (error) =>
  log(`batchlint: unexpected error: ${describeError(error)}`),
);

connection.listen();
