// The open documents: each holds a TextModel (the core's incremental checker) that content
// changes are applied to directly, so a keystroke re-checks one line, not the file. Whether a
// document is checked at all (batch input or some other JSONL) is decided in validate.ts.

import type {
  DidChangeTextDocumentParams,
  DidCloseTextDocumentParams,
  DidOpenTextDocumentParams,
} from 'vscode-languageserver/node';
import type { CheckOptions, CheckResult } from '../core';
import { TextModel } from './text-model';
import type { ContentChange } from './text-model';

export interface OpenDocument {
  readonly uri: string;
  languageId: string;
  version: number;
  model: TextModel;
  /** The last check and the version it was made for. */
  result?: CheckResult;
  resultVersion?: number;
  /** Whether the last publish for this document had diagnostics (so clearing is needed). */
  published: boolean;
  /** Whether the document was checked last time (batch input, enabled). */
  active: boolean;
  timer?: ReturnType<typeof setTimeout>;
  /** Set when an edit could not be applied: the model no longer matches the editor's text. */
  broken?: string;
}

export class DocumentStore {
  private readonly docs = new Map<string, OpenDocument>();

  /** `options`: the check options for a document (its dialect may depend on its URI). */
  constructor(private options: (uri: string) => CheckOptions) {}

  get(uri: string): OpenDocument | undefined {
    return this.docs.get(uri);
  }

  all(): OpenDocument[] {
    return [...this.docs.values()];
  }

  open(params: DidOpenTextDocumentParams): OpenDocument {
    const { uri, languageId, version, text } = params.textDocument;
    this.close({ textDocument: { uri } });
    const doc: OpenDocument = {
      uri,
      languageId: String(languageId),
      version,
      model: new TextModel(String(text), this.options(uri)),
      published: false,
      active: false,
    };
    this.docs.set(uri, doc);
    return doc;
  }

  /** Applies the changes in order (LSP sends them so that each applies to the previous result). */
  change(params: DidChangeTextDocumentParams): OpenDocument | undefined {
    const doc = this.docs.get(params.textDocument.uri);
    if (!doc) return undefined;
    try {
      for (const change of params.contentChanges as ContentChange[]) doc.model.apply(change);
      doc.broken = undefined;
    } catch (error) {
      // Keep serving; the next full-text change (or reopening) repairs the model.
      doc.broken = String(error);
    }
    if (typeof params.textDocument.version === 'number') doc.version = params.textDocument.version;
    return doc;
  }

  close(params: DidCloseTextDocumentParams): OpenDocument | undefined {
    const doc = this.docs.get(params.textDocument.uri);
    if (!doc) return undefined;
    if (doc.timer) clearTimeout(doc.timer);
    this.docs.delete(doc.uri);
    return doc;
  }

  /** New settings: every model checks with them from now on. */
  setOptions(options: (uri: string) => CheckOptions): void {
    this.options = options;
    for (const doc of this.docs.values()) {
      doc.model.setOptions(options(doc.uri));
      doc.resultVersion = undefined;
    }
  }
}
