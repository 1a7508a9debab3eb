// Every custom_id must be unique in a batch, or results cannot be matched to requests. Each
// repeat points at the first use and is offered a free id (`<id>-2`, `-3`, …).

import type { FileRule } from './rule';
import { problemAt } from '../cross/place';

export const rule: FileRule = {
  scope: 'file',
  start(locate) {
    const firstById = new Map<string, number>();
    return {
      add(line, facts) {
        const id = facts.customId;
        if (id === undefined) return undefined;
        const firstLine = firstById.get(id);
        if (firstLine === undefined) {
          firstById.set(id, line);
          return undefined;
        }
        let n = 2;
        while (firstById.has(`${id}-${n}`)) n++;
        const problem = problemAt(
          locate,
          line,
          ['custom_id'],
          'duplicate_custom_id',
          `Duplicate custom_id '${id}': line ${firstLine + 1} already uses it. Every custom_id must be unique within the batch, or results cannot be matched to requests.`,
          'custom_id',
        );
        return [
          {
            ...problem,
            relatedLine: firstLine,
            fix: { id: 'set-value', path: ['custom_id'], value: `${id}-${n}`, safe: false },
          },
        ];
      },
    };
  },
};
