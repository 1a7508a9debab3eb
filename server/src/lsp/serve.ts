// The batchlint language server, on any connection: states the capabilities and wires each LSP
// message to its feature module. The Node entry (../server.ts) and the web-worker entry
// (../browser-server.ts) differ only in the connection they make and in what the host can do
// (a disk to read files from), so everything else is said once, here. No feature logic lives here.

import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import type {
  CancellationToken,
  Connection,
  InitializeParams,
  InitializeResult,
} from 'vscode-languageserver/node';
import { Commands, FIX_ALL_KIND, Methods, Settings } from '../protocol';
import { codeActions } from './code-actions';
import { isConvertAction, resolveConvertAction } from './convert-action';
import { completion, COMPLETION_TRIGGERS } from './completion';
import {
  applySettings,
  useFilePatterns,
  loadSettings,
  onConfigurationChange,
  pushedSection,
} from './configuration';
import type { ServerContext } from './context';
import { convertDocument } from './convert-command';
import { DocumentStore } from './documents';
import { guard, guardNotification, invalid } from './guard';
import { hover } from './hover';
import { compileFilePatterns } from './file-patterns';
import { normalizeSettings, toCheckOptions } from './settings';
import { Validator } from './validate';
import { onModels } from './models';
import { ModelCatalogue } from '../core';

/** The package version, written in by the bundler (absent when run from tsc output). */
declare const BATCHLINT_VERSION: string | undefined;
const VERSION = typeof BATCHLINT_VERSION === 'string' ? BATCHLINT_VERSION : '0.0.0-dev';

/** What the host offers beyond the connection. */
export interface ServerHost {
  /** Checks a file on disk (`batchlint/checkFile`); absent where there is no disk (the web). */
  checkFile?: (ctx: ServerContext, params: unknown, token: CancellationToken) => Promise<unknown>;
  /** Writes the safe fixes of a file on disk (`batchlint/fixFile`); absent in the web. */
  fixFile?: (ctx: ServerContext, params: unknown, token: CancellationToken) => Promise<unknown>;
}

/**
 * Wires every handler of the batchlint language server to `connection`; the caller then calls
 * `connection.listen()`. Handlers never throw into the connection: errors become LSP errors or
 * log lines (see ./guard.ts).
 */
export function serve(connection: Connection, host: ServerHost = {}): void {
  const log = (message: string): void => {
    try {
      connection.console.error(message);
    } catch {
      // The connection is gone; nothing left to tell.
    }
  };

  const ctx: ServerContext = {
    connection,
    documents: new DocumentStore((uri) => toCheckOptions(ctx.settings, ctx.models, uri)),
    abilities: {
      configuration: false,
      documentChanges: false,
      workDoneProgress: false,
      snippets: false,
    },
    models: ModelCatalogue.builtIn(),
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
    ctx.abilities.snippets = caps.textDocument?.completion?.completionItem?.snippetSupport === true;
    dynamicConfiguration = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    ctx.settings = normalizeSettings(pushedSection(params.initializationOptions));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: {
          codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, FIX_ALL_KIND],
          resolveProvider: true,
        },
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

  connection.onCodeAction(
    guard('codeAction', log, (params) => codeActions(ctx, validator, params)),
  );
  connection.onNotification(
    Methods.models,
    guardNotification('models', log, (params: unknown) => onModels(ctx, validator, params)),
  );
  connection.onCodeActionResolve(
    guard('codeActionResolve', log, (action) =>
      isConvertAction(action) ? resolveConvertAction(ctx, action) : action,
    ),
  );
  connection.onHover(guard('hover', log, (params) => hover(ctx, params)));
  connection.onCompletion(guard('completion', log, (params) => completion(ctx, params)));
  connection.onExecuteCommand(
    guard('executeCommand', log, (params) => {
      if (params?.command === Commands.serverConvert) return convertDocument(ctx, params);
      throw invalid(`Unknown command: ${String(params?.command)}`);
    }),
  );
  const { checkFile, fixFile } = host;
  if (checkFile)
    connection.onRequest(Methods.checkFile, (params: unknown, token) =>
      guard('checkFile', log, (p: unknown) => checkFile(ctx, p, token))(params),
    );
  if (fixFile)
    connection.onRequest(Methods.fixFile, (params: unknown, token) =>
      guard('fixFile', log, (p: unknown) => fixFile(ctx, p, token))(params),
    );
}
