// Every custom_id must be unique in a batch, or results cannot be matched to requests. Each
// repeat points at the first use and is offered a free id (`<id>-2`, `-3`, …): one no line before
// it uses nor an earlier repeat was offered, and, where the whole file is at hand (the editor),
// one no line uses at all. Other dialects
// name their id otherwise (Gemini's key, Bedrock's recordId): the message uses their name.

import type { FileRule } from './rule';
import { problemAt } from '../cross/place';
import { elide } from '../words';
import { IdLines } from '../cross/id-lines';

export const rule: FileRule = {
  scope: 'file',
  start(locate, context) {
    const ids = new IdLines();
    /** Ids offered to earlier repeats: two repeats of `x` are offered `x-2` and `x-3`. */
    const offered = new Set<string>();
    const taken = (id: string): boolean =>
      ids.has(id) || offered.has(id) || context.idsInFile?.().has(id) === true;
    return {
      add(line, facts) {
        const id = facts.customId;
        if (id === undefined) return undefined;
        const firstLine = ids.firstLine(id, line);
        if (firstLine === undefined) return undefined;
        let n = 2;
        while (taken(`${id}-${n}`)) n++;
        offered.add(`${id}-${n}`);
        const key = facts.idKey ?? 'custom_id';
        const problem = problemAt(
          locate,
          line,
          [key],
          'duplicate_custom_id',
          `Duplicate ${key} '${elide(id)}': line ${firstLine + 1} already uses it. Every ${key} must be unique within the batch, or results cannot be matched to requests.`,
          key,
        );
        return [
          {
            ...problem,
            relatedLine: firstLine,
            fix: { id: 'set-value', path: [key], value: `${id}-${n}`, safe: false },
          },
        ];
      },
    };
  },
};
