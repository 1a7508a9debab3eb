// Drives the built language server (dist/server.js) as a real process over stdio with a real
// protocol client. Tests wait for the server's notifications (diagnostics, summaries) by
// awaiting them, never by sleeping; a wait only fails after a generous timeout.

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ApplyWorkspaceEditRequest,
  CodeActionRequest,
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import type {
  ApplyWorkspaceEditParams,
  CodeAction,
  Diagnostic,
  Range,
  ProtocolConnection,
  PublishDiagnosticsParams,
  TextDocumentContentChangeEvent,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Methods } from '../../server/src/protocol';
import { Channel } from './channel';
import type { DocumentSummary } from '../../server/src/protocol';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const SERVER = path.join(ROOT, 'dist', 'server.js');

export interface HarnessOptions {
  /** The `batchlint` section returned to workspace/configuration. */
  settings?: Record<string, unknown>;
  /** Answer workspace/applyEdit with applied: true and apply the edit to our copy (default true). */
  acceptEdits?: boolean;
  /** The log to keep the server's messages in (one the caller also fills, e.g. from stderr). */
  logs?: string[];
}

/** The running server behind a harness: a process, or a web worker. */
export interface ServerHandle {
  onExit(listener: () => void): void;
  /** Ends it at once. */
  kill(): void;
  /** Whether the LSP exit notification ends it (a process); a web worker is ended by its page. */
  readonly exitsOnExit: boolean;
}

function processHandle(child: ChildProcessWithoutNullStreams): ServerHandle {
  return {
    onExit: (listener) => child.once('exit', listener),
    kill: () => child.kill(),
    exitsOnExit: true,
  };
}

export class LspHarness {
  readonly diagnostics = new Channel<PublishDiagnosticsParams>();
  readonly summaries = new Channel<DocumentSummary>();
  readonly progress = new Channel<{ token: string | number; value: unknown }>();
  /** window/showMessage notifications (what the user is told in a pop-up). */
  readonly messages = new Channel<{ type: number; message: string }>();
  readonly logs: string[];
  readonly appliedEdits: ApplyWorkspaceEditParams[] = [];
  readonly docs = new Map<string, TextDocument>();
  settings: Record<string, unknown>;
  private exited = false;

  private constructor(
    readonly server: ServerHandle,
    readonly connection: ProtocolConnection,
    options: HarnessOptions,
  ) {
    this.settings = options.settings ?? {};
    this.logs = options.logs ?? [];
  }

  /** Starts dist/server.js as a process over stdio. */
  static start(options: HarnessOptions = {}): Promise<LspHarness> {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
    const logs: string[] = [];
    child.stderr.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
    const connection = createProtocolConnection(
      new StreamMessageReader(child.stdout),
      new StreamMessageWriter(child.stdin),
    );
    return LspHarness.connect(processHandle(child), connection, { ...options, logs });
  }

  /** Drives a server already running behind `connection` (a process, a web worker). */
  static async connect(
    server: ServerHandle,
    connection: ProtocolConnection,
    options: HarnessOptions = {},
  ): Promise<LspHarness> {
    const h = new LspHarness(server, connection, options);
    server.onExit(() => (h.exited = true));
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => h.diagnostics.push(p));
    connection.onNotification(Methods.summary, (p: DocumentSummary) => h.summaries.push(p));
    connection.onNotification('window/logMessage', (p: { message: string }) => {
      h.logs.push(p.message);
    });
    connection.onNotification('window/showMessage', (p: { type: number; message: string }) =>
      h.messages.push(p),
    );
    connection.onNotification('$/progress', (p: { token: string | number; value: unknown }) =>
      h.progress.push(p),
    );
    connection.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => h.settings));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest(ApplyWorkspaceEditRequest.type, (p) => {
      h.appliedEdits.push(p);
      if (options.acceptEdits === false)
        return { applied: false, failureReason: 'refused by test' };
      return h.applyWorkspaceEdit(p.edit);
    });
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        workspace: {
          configuration: true,
          workspaceEdit: { documentChanges: true },
          didChangeConfiguration: { dynamicRegistration: true },
        },
        window: { workDoneProgress: true },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
          completion: { completionItem: { snippetSupport: true } },
        },
      },
      workspaceFolders: null,
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return h;
  }

  /** Opens a document and waits for the server's first summary of it (sent for every document). */
  async open(uri: string, text: string, languageId = 'jsonl'): Promise<DocumentSummary> {
    const doc = TextDocument.create(uri, languageId, 1, text);
    this.docs.set(uri, doc);
    const summary = this.summaries.next((s) => s.uri === uri, `summary of ${uri}`);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version: 1, text },
    });
    return summary;
  }

  /** Opens a batch document and returns its first diagnostics. */
  async openAndDiagnose(
    uri: string,
    text: string,
    languageId = 'jsonl',
  ): Promise<PublishDiagnosticsParams> {
    const published = this.waitForVersion(uri, 1);
    await this.open(uri, text, languageId);
    return published;
  }

  /** Sends changes (applied to our copy the same way) and returns the new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const doc = this.doc(uri);
    const version = doc.version + 1;
    this.docs.set(uri, TextDocument.update(doc, changes, version));
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: changes,
    });
    return version;
  }

  async close(uri: string): Promise<void> {
    this.docs.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, {
      textDocument: { uri },
    });
  }

  doc(uri: string): TextDocument {
    const doc = this.docs.get(uri);
    if (!doc) throw new Error(`not open: ${uri}`);
    return doc;
  }

  /** The next diagnostics published for `uri` at `version`. */
  waitForVersion(uri: string, version: number): Promise<PublishDiagnosticsParams> {
    return this.diagnostics
      .next(
        (p) => p.uri === uri && p.version === version,
        `diagnostics of ${uri} at version ${version}`,
        true,
      )
      .catch((error: Error) => {
        // The server's log usually says why (it logs every failed check).
        throw new Error(`${error.message}\nserver log:\n${this.logs.slice(-5).join('\n')}`);
      });
  }

  /** The summary of `uri` at `version`: the server sends it after that version's diagnostics. */
  waitForSummary(uri: string, version: number): Promise<DocumentSummary> {
    return this.summaries.next(
      (s) => s.uri === uri && s.version === version,
      `summary of ${uri} at version ${version}`,
      true,
    );
  }

  /** The diagnostics last published for `uri` ([] if none ever were). */
  currentDiagnostics(uri: string): Diagnostic[] {
    const all = this.diagnostics.seen.filter((p) => p.uri === uri);
    return all[all.length - 1]?.diagnostics ?? [];
  }

  /** Waits until the server has checked `version` of `uri`, and returns what it shows now. */
  async settled(uri: string, version: number): Promise<Diagnostic[]> {
    await this.waitForSummary(uri, version);
    return this.currentDiagnostics(uri);
  }

  /** The next diagnostics published for `uri` that pass `test`. */
  waitForDiagnostics(
    uri: string,
    test: (p: PublishDiagnosticsParams) => boolean = () => true,
  ): Promise<PublishDiagnosticsParams> {
    return this.diagnostics.next((p) => p.uri === uri && test(p), `diagnostics of ${uri}`);
  }

  /** Changes the settings the way an editor does: new answer to workspace/configuration, then the notification. */
  async configure(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: null,
    });
  }

  /** Applies a WorkspaceEdit to our copies of the documents (as an editor would). */
  applyWorkspaceEdit(edit: WorkspaceEdit): { applied: boolean; failureReason?: string } {
    const perUri: [string, number | null, TextEdit[]][] = [];
    for (const change of edit.documentChanges ?? []) {
      if (!('textDocument' in change))
        return { applied: false, failureReason: 'unsupported change' };
      perUri.push([
        change.textDocument.uri,
        change.textDocument.version,
        change.edits as TextEdit[],
      ]);
    }
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) perUri.push([uri, null, edits]);
    for (const [uri, version] of perUri) {
      const doc = this.docs.get(uri);
      if (!doc) return { applied: false, failureReason: `not open: ${uri}` };
      if (version !== null && version !== doc.version) {
        return {
          applied: false,
          failureReason: `stale version ${version}, document is at ${doc.version}`,
        };
      }
    }
    for (const [uri, , edits] of perUri) {
      const doc = this.docs.get(uri)!;
      const text = TextDocument.applyEdits(doc, edits);
      const version = doc.version + 1;
      this.docs.set(uri, TextDocument.create(uri, doc.languageId, version, text));
      void this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [{ text }],
      });
    }
    return { applied: true };
  }

  /** The text an edit would produce, without sending anything. */
  static applied(text: string, edit: WorkspaceEdit | undefined, uri: string): string {
    const edits: TextEdit[] = [];
    for (const change of edit?.documentChanges ?? []) {
      if ('textDocument' in change && change.textDocument.uri === uri)
        edits.push(...(change.edits as TextEdit[]));
    }
    edits.push(...(edit?.changes?.[uri] ?? []));
    return TextDocument.applyEdits(TextDocument.create(uri, 'jsonl', 0, text), edits);
  }

  /** textDocument/codeAction for a range, with the given diagnostics as context. */
  codeActions(
    uri: string,
    range: Range,
    diagnostics: Diagnostic[],
    only?: string[],
  ): Promise<CodeAction[]> {
    return this.connection
      .sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range,
        context: only ? { diagnostics, only } : { diagnostics },
      })
      .then((actions) => (actions ?? []) as CodeAction[]);
  }

  get alive(): boolean {
    return !this.exited;
  }

  async shutdown(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.server.onExit(resolve));
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
      if (!this.server.exitsOnExit) this.server.kill();
    } catch {
      this.server.kill();
    }
    await exited;
    this.connection.dispose();
  }
}

/** A URI for a document that exists only in the editor (the tests never write it to disk). */
export function fileUri(name: string): string {
  return pathToFileURL(path.join(ROOT, 'out', 'lsp-documents', name)).toString();
}

/** Reads an example file from examples/. */
export function example(name: string): string {
  return readFileSync(path.join(ROOT, 'examples', name), 'utf8');
}
