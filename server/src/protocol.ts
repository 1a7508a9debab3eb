// Names shared by the VS Code client and the language server: command ids, custom requests and
// notifications, setting keys. One module so a rename cannot leave the two ends out of step.

export const EXTENSION_ID = 'batchlint.batchlint';
export const SOURCE = 'batchlint';

/** Command ids (the palette shows them under the category "batchlint"). */
export const Commands = {
  /** Client command: converts the active editor (or its selected lines) to /v1/responses. */
  convertToResponses: 'batchlint.convertToResponses',
  /** Server command behind it: arguments are ConvertArgs, version-checked before applyEdit. */
  serverConvert: 'batchlint.server.convertToResponses',
  /**
   * Client command: converts the active editor's chat completions lines (or the selected ones)
   * to another provider's batch lines (Anthropic, Gemini), asking which; the first argument may
   * name the target. Runs the same server command with ConvertArgs.to.
   */
  convertToDialect: 'batchlint.convertToDialect',
  /** Client command: streams a file from disk through the server (for files over 50 MB). */
  checkFileOnDisk: 'batchlint.checkFileOnDisk',
  /** Client command: writes the safe fixes of a file on disk (args: file, 'copy' | 'inPlace'). */
  fixFileOnDisk: 'batchlint.fixFileOnDisk',
  /** Client command: shows the language server's output channel. */
  showOutput: 'batchlint.showOutput',
  /** Client command: a finished batch's results on the input document (args: input, files). */
  showBatchResults: 'batchlint.showBatchResults',
  /** Client command: clears the result problems of one document (arg) or of all. */
  clearBatchResults: 'batchlint.clearBatchResults',
  /** Client command: writes the lines of requests to send again (args: input, target). */
  extractRetry: 'batchlint.extractRetry',
  /** Client command: splits a file into parts within the Batch API's limits (arg: file). */
  splitFile: 'batchlint.splitFile',
} as const;

/** Custom notifications and requests between client and server. */
export const Methods = {
  /** server -> client: per-document summary for the status bar. */
  summary: 'batchlint/summary',
  /** client -> server: check a file on disk; params CheckFileParams, result CheckFileResult. */
  checkFile: 'batchlint/checkFile',
  /** client -> server: the safe fixes of a file on disk, streamed; params FixFileParams, result FixFileResult. */
  fixFile: 'batchlint/fixFile',
  /** client -> server: the user's model table (`batchlint.models`); params ModelsParams. */
  models: 'batchlint/models',
  /** server -> client: a document's cost estimate for the status bar tooltip; params EstimateSummary. */
  estimate: 'batchlint/estimate',
} as const;

/** Setting keys under the `batchlint` section. */
export const Settings = {
  section: 'batchlint',
  enable: 'enable',
  files: 'files',
  maxProblems: 'maxProblems',
  severity: 'severity',
  trace: 'trace.server',
  models: 'models',
  dialect: 'dialect',
} as const;

/** The user's model table as the client read it: the setting's path and the file's text, or why not. */
export interface ModelsParams {
  /** The setting as written ('' when unset: the built-in table alone). */
  path: string;
  text?: string;
  /** Why the file could not be read. */
  error?: string;
}

/** The summary the status bar shows for a batch document. */
export interface DocumentSummary {
  uri: string;
  /** The document version the summary (and the diagnostics sent just before it) describe. */
  version?: number;
  isBatch: boolean;
  endpoint?: string;
  model?: string;
  requests: number;
  /** Lines with content that are not requests yet (not JSON, e.g. one being typed). */
  unreadable?: number;
  bytes: number;
  errors: number;
  warnings: number;
  /** The file's dialect id (`openai`, `anthropic`, …), its provider's name, and why it was chosen. */
  dialect?: string;
  dialectName?: string;
  dialectEvidence?: string;
  /** Another provider's limits on one file (null where it has none); absent: the Batch API's. */
  maxRequests?: number | null;
  maxBytes?: number | null;
}

export interface ConvertArgs {
  uri: string;
  version: number;
  /** 0-based inclusive line range; absent means the whole document. */
  startLine?: number;
  endLine?: number;
  /** What to convert to: 'responses' (the default), 'anthropic' or 'gemini'. */
  to?: 'responses' | 'anthropic' | 'gemini';
}

export interface ConvertResult {
  applied: boolean;
  converted: number;
  unchanged: number;
  unparseable: number;
  /** Human-readable lines: what was not carried over and needs a decision. */
  needsDecision: string[];
  /** Why nothing was applied (stale version, rejected edit). */
  reason?: string;
  /** Said once for the whole conversion: how the batch's results will differ. */
  note?: string;
}

export interface CheckFileParams {
  /** A file: URI or an absolute path. */
  uri: string;
}

export interface FixFileParams {
  /** A file: URI or an absolute path. */
  uri: string;
  /** Rewrite the file itself (no undo) instead of writing `NAME.fixed.jsonl` beside it. */
  inPlace?: boolean;
}

export interface FixFileResult {
  /** Fixes applied. */
  applied: number;
  /** The file written. */
  uri: string;
  /** What a check of the written file finds. */
  errors: number;
  warnings: number;
}

export interface CheckFileResult {
  requests: number;
  errors: number;
  warnings: number;
  bytes: number;
}

/** The code action kind of "fix every safe problem" (for `editor.codeActionsOnSave`). */
export const FIX_ALL_KIND = 'source.fixAll.batchlint';

/**
 * The `data` of every batchlint diagnostic: enough to compute its fixes from the diagnostic
 * alone (the core's FixRef), plus the API parameter path and the line's conversion offer.
 */
export interface DiagnosticData {
  fix?: { id: string; [key: string]: unknown };
  param?: string;
  /** The document version the diagnostic was computed for. */
  version?: number;
  /** Which stage of the API refuses it: the batch validator, the endpoint, or none (a hint). */
  stage?: 'validation' | 'execution' | 'hint' | 'result';
}

/** What the `batchlint.*` settings look like after normalisation (see the server's settings). */
export interface BatchlintSettings {
  enable: boolean;
  files: string[];
  maxProblems: number;
  severity: Record<string, 'error' | 'warning' | 'info' | 'off'>;
  trace: { server: 'off' | 'messages' | 'verbose' };
  /**
   * `batchlint.dialect`: 'auto' (detect each file's from its lines), a dialect id for every file,
   * or globs mapped to dialect ids (the first that matches a file wins; others are detected).
   */
  dialect: string | Record<string, string>;
}

/** "1 field needs a decision", "3 fields need a decision" (the editor's conversion summaries). */
export function fieldsNeedDecision(count: number): string {
  return count === 1 ? '1 field needs a decision' : `${count} fields need a decision`;
}

/** One model's share of a document's estimate (token counts whole tokens, costs USD). */
export interface ModelEstimateSummary {
  model: string;
  requests: number;
  /** Absent where tokens cannot be counted (the web build). */
  inputTokens?: number;
  /** The sum of the output caps (each request's, else the model's maximum). */
  maxOutputTokens: number;
  /** At the model table's batch prices; absent for a model the table does not price. */
  costUsd?: { input?: number; outputMax: number };
}

/** What the status bar tooltip says a document will cost (`batchlint/estimate`). */
export interface EstimateSummary {
  uri: string;
  version: number;
  /** `counted`; `no-tokenizer`: this build counts no tokens (the web); `too-large`: not estimated here. */
  status: 'counted' | 'no-tokenizer' | 'too-large';
  /** The model table's date (YYYY-MM-DD). */
  asOf: string;
  requests: number;
  models: ModelEstimateSummary[];
}
