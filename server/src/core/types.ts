// The plain data the core hands to its front ends (CLI, language server). No editor types here:
// offsets are UTF-16 code-unit indices into one line's text, as JavaScript strings count them.

import type { ProblemCode, Stage } from './catalogue';
import type { LineDialect } from './dialects/classify';
import type { DialectId } from './dialects/table';
import type { Endpoint } from './generated';
export type { ProblemCode, Stage } from './catalogue';
export type { LineDialect } from './dialects/classify';

export type Severity = 'error' | 'warning' | 'info';

/** A step in a JSON path: an object key or an array index. */
export type PathSegment = string | number;
export type JsonPath = readonly PathSegment[];

/** Where in the addressed JSON node a problem is shown (see locate.ts). */
export type Anchor = 'key' | 'value' | 'parent-key';

/** The endpoints a batch line may name: one per row of schemas/endpoints.json (generated). */
export type { Endpoint } from './generated';

/**
 * A problem in the body or envelope of one request, found on the parsed value before any
 * positions are known. `path` runs from the line's root object (so body problems start with
 * "body"); the locator turns it into offsets only when the problem is reported.
 */
export interface Finding {
  code: ProblemCode;
  severity: Severity;
  /** Set only where it differs from the code's stage in the catalogue (an envelope's schema error). */
  stage?: Stage;
  message: string;
  /** The API's own parameter path, e.g. `messages[0].content[1].image_url`; absent for envelope-free problems. */
  param?: string;
  path: JsonPath;
  anchor: Anchor;
  /** Id of the fix that repairs it (see fixes/index.ts) and anything that fix needs. */
  fix?: FixRef;
}

/**
 * A reference to a fix: its id plus the data it needs, all plain JSON so it survives LSP round
 * trips. One variant per fix; fixes/index.ts holds a function for every id, so adding a variant
 * without its fix does not compile. `safe` overrides whether the fix may be applied without review.
 */
export type FixRef = (
  | { id: 'remove-line' }
  | { id: 'remove-bom' }
  | { id: 'repair-json'; kinds: string[] }
  | { id: 'join-lines'; endLine: number }
  /** A line that is one JSON array of requests, split into one line per request. */
  | { id: 'split-array' }
  /** A JSON array of requests over lines startLine..endLine, rewritten one request per line. */
  | { id: 'array-to-jsonl'; startLine: number; endLine: number }
  /** A bare request body wrapped in its envelope; customId is set by the check that knows the file's ids. */
  | { id: 'wrap-envelope'; urls: Endpoint[]; customId?: string }
  | { id: 'add-method' }
  /** Removal of what the user wrote, after the repair that keeps it when one is unambiguous. */
  | { id: 'remove-key'; path: JsonPath; repair?: KeyRepair }
  | { id: 'nest-keys'; path: JsonPath; into: string; keys: string[] }
  | { id: 'rename-key'; path: JsonPath; to: string }
  | { id: 'move-param'; path: JsonPath; to: string }
  | { id: 'set-value'; path: JsonPath; value: unknown }
  | { id: 'chat-part-from-responses'; path: JsonPath }
  | { id: 'wrap-image-url'; path: JsonPath }
  | { id: 'responses-part-from-chat'; path: JsonPath }
  | { id: 'responses-image-url'; path: JsonPath }
  | { id: 'set-image-mime'; path: JsonPath; mime: string }
  | { id: 'strict-additional-properties'; path: JsonPath }
  | { id: 'strict-require-keys'; path: JsonPath; keys: string[] }
  | { id: 'strict-off'; path: JsonPath }
  | { id: 'convert-line'; to: DialectId }
) & { safe?: boolean };

/**
 * A repair that keeps a key the schema does not take at its place: a typo renamed to the one key
 * it is close to, or keys moved into the object that declares them (`url` → `image_url`).
 * `safe` says whether `batchlint fix` makes it unattended (see schema/phrase.ts keyRepair).
 */
export type KeyRepair = (
  | { id: 'rename-key'; path: JsonPath; to: string }
  | { id: 'nest-keys'; path: JsonPath; into: string; keys: string[] }
) & { safe?: boolean };

/** Every fix id. */
export type FixId = FixRef['id'];

/** The reference of one fix id. */
export type FixRefOf<I extends FixId> = Extract<FixRef, { id: I }>;

/** A problem placed on the document: line numbers are 0-based, columns UTF-16 offsets in that line. */
export interface Problem {
  code: ProblemCode;
  severity: Severity;
  /** Set only where it differs from the code's stage in the catalogue (see Finding.stage). */
  stage?: Stage;
  message: string;
  param?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: FixRef;
  /** For a problem that points elsewhere (a duplicate custom_id): the 0-based line it refers to. */
  relatedLine?: number;
  /** The fixes on offer, filled where the line text is gone by report time (streams). */
  fixOffers?: FixOffer[];
}

/** One edit of a fix: replaces [line:column, endLine:endColumn) with `newText`. */
export interface TextEdit {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  newText: string;
}

/** A fix as a report lists it: its title, and whether `batchlint fix` applies it (`safe`). */
export interface FixOffer {
  title: string;
  /** True: `batchlint fix` applies it. False: it needs a decision (an editor's quick fix). */
  safe: boolean;
}

export interface Fix {
  title: string;
  /** Every edit lies within the lines the problem covers. */
  edits: TextEdit[];
  /** Safe to apply without review (`batchlint fix`, fix-all on save). */
  safe: boolean;
}

/** What the rules across lines need to know about a line, without keeping its text. */
export interface LineFacts {
  /** A parseable request object: counts toward the request total. */
  isRequest: boolean;
  /** A line with content that is not a request (not JSON, not an object): already reported. */
  unreadable?: true;
  customId?: string;
  /** A request body without its envelope (bare-body.ts): the fix gives it a custom_id. */
  bareBody?: true;
  url?: string;
  model?: string;
  /** Number of inputs an embeddings request carries (the batch sums them). */
  embeddingInputs?: number;
  /** The key `customId` was read from, when not `custom_id` (Gemini's `key`, Bedrock's `recordId`). */
  idKey?: string;
  /** The dialect the line's shape shows (classify.ts); the file's is the majority of these. */
  dialect?: LineDialect;
}
