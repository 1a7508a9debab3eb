// Fixes are pure functions: (the problem, the text of its lines) → edits within those lines.
// A problem carries a FixRef (an id and the data the fix needs), so a fix can be computed from
// the problem alone, long after the check, as LSP code actions require.

import type { Fix, FixId, FixOffer, FixRef, FixRefOf, Problem, TextEdit } from '../types';
import { LineEditor } from './edits';
import type { EditorFix, Replacement } from './edits';
import {
  nestKeys,
  chatPartFromResponses,
  responsesImageUrl,
  responsesPartFromChat,
  setImageMime,
  wrapImageUrl,
} from './parts';
import { addMethod, moveParam, removeKey, renameKey, setValue } from './keys';
import { strictAdditionalProperties, strictOff, strictRequireKeys } from './strict';
import { lineRepairs } from '../syntax/line-repairs';
import { arrayItems, arrayRequests } from '../array-line';
import { plural } from '../words';
import type { RepairKind } from '../syntax/repair';
import { findBlock } from '../syntax/blocks';
import { describeRepairs } from '../syntax/diagnose';
import { convertLineForDialect } from '../convert/dialect-line';
import { dialectInfo } from '../dialects/table';
import { wrapEnvelope } from '../bare-body';
import { isEndpoint } from '../endpoints';
import { elide } from '../words';

/** Fixes that change meaning or drop data are offered, but never applied without review. */
const REVIEW_FIRST: ReadonlySet<FixId> = new Set<FixId>(['remove-key']);

type GetLine = (line: number) => string;

/** A fix: one line's edit through a LineEditor, or whole fixes computed from the problem. */
type FixEntry<R> =
  { edit: EditorFix<R> } | { fixes(ref: R, problem: Problem, getLine: GetLine): Fix[] };

/** Every fix id's function. The mapped type makes a FixRef variant without a fix a compile error. */
const FIXES: { [I in FixId]: FixEntry<FixRefOf<I>> } = {
  'remove-line': {
    fixes(_ref, problem, getLine) {
      const text = getLine(problem.line).trim();
      const title = text === '' ? 'Remove the blank line' : `Remove the line '${elide(text)}'`;
      return [{ title, edits: [removeLine(problem.line)], safe: true }];
    },
  },
  'array-to-jsonl': {
    fixes(ref, _problem, getLine) {
      const start = Number(ref.startLine);
      const end = Number(ref.endLine);
      const items = arrayRequests(getLine, start, end);
      if (items === undefined) return [];
      const edit = { line: start, column: 0, endLine: end, endColumn: getLine(end).length };
      return [
        {
          title: `Rewrite the JSON array as JSONL: its ${plural(items.length, 'request')}, one per line`,
          edits: [{ ...edit, newText: items.join('\n') }],
          safe: true,
        },
      ];
    },
  },
  'split-array': {
    fixes(_ref, problem, getLine) {
      const text = getLine(problem.line);
      const items = arrayItems(text);
      if (items === undefined) return [];
      const edit = { line: problem.line, column: 0, endLine: problem.line, endColumn: text.length };
      return [
        {
          title: `Put each of the ${items.length} requests on a line of its own`,
          edits: [{ ...edit, newText: items.join('\n') }],
          safe: true,
        },
      ];
    },
  },
  // The byte order mark is outside every line's text, so the fix has no line edit: `batchlint
  // fix` drops it (fix-document.ts, fix-stream.ts) and the language server edits character 0 of
  // the editor's text. Listed here so a report says what `fix` does with it.
  'remove-bom': {
    fixes: () => [{ title: 'Remove the byte order mark', edits: [], safe: true }],
  },
  'repair-json': {
    fixes(_ref, problem, getLine) {
      const repairs = lineRepairs(getLine(problem.line));
      if (repairs.replacements.length === 0) return [];
      const title = repairTitle(repairs.kinds);
      return [{ title, edits: onLine(problem.line, repairs.replacements), safe: true }];
    },
  },
  'wrap-envelope': {
    fixes: (ref, problem, getLine) => wrapFixes(ref, problem, getLine(problem.line)),
  },
  'join-lines': {
    fixes(ref, problem, getLine) {
      const block = findBlock(getLine, problem.line, Number(ref.endLine) + 1);
      if (!block) return [];
      const endColumn = getLine(block.endLine).length;
      const fixes = block.repairs.some((kind) => kind !== 'array-punctuation');
      const title =
        'Join the request into one line' +
        (fixes ? ' and fix its quotes' : '') +
        (block.repairs.includes('array-punctuation')
          ? ", without the JSON array's comma or brackets around it"
          : '');
      const edit = {
        line: block.startLine,
        column: 0,
        endLine: block.endLine,
        endColumn,
        newText: block.joined,
      };
      return [{ title, edits: [edit], safe: true }];
    },
  },
  'add-method': { edit: addMethod },
  // A repair that keeps what the user wrote comes first; the removal last, saying what it drops.
  'remove-key': {
    fixes(ref, problem, getLine) {
      const repairs = ref.repair ? fixesFor({ ...problem, fix: ref.repair }, getLine) : [];
      const { repair: _repair, ...removal } = ref;
      return [...repairs, ...editFixes(removal, removeKey, problem, getLine)];
    },
  },
  'nest-keys': { edit: nestKeys },
  'rename-key': { edit: renameKey },
  'move-param': { edit: moveParam },
  'set-value': { edit: setValue },
  'chat-part-from-responses': { edit: chatPartFromResponses },
  'wrap-image-url': { edit: wrapImageUrl },
  'responses-part-from-chat': { edit: responsesPartFromChat },
  'responses-image-url': { edit: responsesImageUrl },
  'set-image-mime': { edit: setImageMime },
  'strict-additional-properties': { edit: strictAdditionalProperties },
  'strict-require-keys': { edit: strictRequireKeys },
  'strict-off': { edit: strictOff },
  'convert-line': {
    fixes(ref, problem, getLine) {
      const conversion = convertLineForDialect(getLine(problem.line), ref.to);
      if (!conversion) return [];
      const open = conversion.notCarried.length + conversion.changes.length;
      const title =
        `Rewrite the line as ${dialectInfo(ref.to).name} expects it` +
        (open > 0 ? ` (${open} thing${open === 1 ? '' : 's'} to decide)` : '');
      const text = getLine(problem.line);
      const edit = {
        line: problem.line,
        column: 0,
        endLine: problem.line,
        endColumn: text.length,
        newText: conversion.text,
      };
      return [{ title, edits: [edit], safe: false }];
    },
  },
};

/** Whether a string is a fix id (for fix references that arrive as untyped JSON). */
export function isFixId(id: unknown): id is FixId {
  return typeof id === 'string' && Object.prototype.hasOwnProperty.call(FIXES, id);
}

/** The fixes on offer for a problem (none when its fix no longer applies to the line's text). */
export function fixesFor(problem: Problem, getLine: GetLine): Fix[] {
  const ref = problem.fix;
  if (!ref || !isFixId(ref.id)) return [];
  // The table is indexed by the ref's own id, so the entry takes this ref's variant.
  const entry = FIXES[ref.id] as FixEntry<FixRef>;
  if ('fixes' in entry) return entry.fixes(ref, problem, getLine);
  return editFixes(ref, entry.edit, problem, getLine);
}

/** The fixes of a problem as a report lists them: each title, and whether `batchlint fix` applies it. */
export function fixOffersOf(problem: Problem, getLine: GetLine): FixOffer[] {
  return fixesFor(problem, getLine).map((f) => ({ title: f.title, safe: f.safe }));
}

/** The one fix an editor function makes of `ref` on the problem's line (none if it no longer applies). */
function editFixes<R extends FixRef>(
  ref: R,
  edit: EditorFix<R>,
  problem: Problem,
  getLine: GetLine,
): Fix[] {
  const safe = typeof ref.safe === 'boolean' ? ref.safe : !REVIEW_FIRST.has(ref.id);
  const editor = new LineEditor(getLine(problem.line));
  const title = edit(ref, editor);
  const edits = editor.sorted();
  if (!title || !edits || edits.length === 0) return [];
  return [{ title, edits: onLine(problem.line, edits), safe }];
}

/**
 * A bare request body wrapped in its envelope, one fix per endpoint it may be for: safe when its
 * shape names one. Its custom_id is the one the check chose (unused in the file), else
 * `request-N` after its line number.
 */
function wrapFixes(ref: FixRefOf<'wrap-envelope'>, problem: Problem, text: string): Fix[] {
  // Plain JSON from a diagnostic's data: only known urls are written.
  const urls = Array.isArray(ref.urls) ? (ref.urls as unknown[]).filter(isEndpoint) : [];
  const customId = typeof ref.customId === 'string' ? ref.customId : `request-${problem.line + 1}`;
  return urls.map((url) => {
    const wrap = wrapEnvelope(text, url, customId);
    return {
      title: `Wrap the body in a batch request (custom_id '${elide(customId)}', url '${url}')`,
      edits: onLine(problem.line, [
        { start: wrap.start, end: wrap.start, newText: wrap.prefix },
        { start: wrap.end, end: wrap.end, newText: wrap.suffix },
      ]),
      safe: urls.length === 1,
    };
  });
}

/** The repair-json fix's title: what it replaces, and the array punctuation it removes. */
function repairTitle(kinds: ReadonlySet<RepairKind>): string {
  const replaced = [...kinds].filter((k) => k !== 'array-punctuation');
  const removal = "remove the JSON array's brackets or commas around the request";
  if (!kinds.has('array-punctuation')) return `Fix the JSON: replace ${describeRepairs(replaced)}`;
  if (replaced.length === 0) return `Fix the JSON: ${removal}`;
  return `Fix the JSON: replace ${describeRepairs(replaced)}; ${removal}`;
}

function onLine(line: number, replacements: readonly Replacement[]): TextEdit[] {
  return replacements.map((r) => ({
    line,
    column: r.start,
    endLine: line,
    endColumn: r.end,
    newText: r.newText,
  }));
}

function removeLine(line: number): TextEdit {
  return { line, column: 0, endLine: line + 1, endColumn: 0, newText: '' };
}

/** Applies edits (document positions) to lines; later edits first so earlier offsets stay valid. */
export function applyEdits(lines: string[], edits: readonly TextEdit[]): string[] {
  const result = [...lines];
  const ordered = [...edits].sort((a, b) => b.line - a.line || b.column - a.column);
  for (const edit of ordered) {
    const head = (result[edit.line] ?? '').slice(0, edit.column);
    const tail =
      edit.endLine >= result.length ? '' : (result[edit.endLine] ?? '').slice(edit.endColumn);
    const replaced = (head + edit.newText + tail).split('\n');
    const count = Math.min(result.length, edit.endLine + 1) - edit.line;
    result.splice(edit.line, Math.max(count, 1), ...replaced);
    if (edit.endLine >= lines.length && replaced.length === 1 && replaced[0] === '')
      result.splice(edit.line, 1);
  }
  return result;
}
