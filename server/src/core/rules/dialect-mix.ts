// One batch goes to one provider: a line shaped for another provider's batch API than the file's
// dialect (an OpenAI line in an Anthropic file, an Azure url in an OpenAI file) is refused there.
// The file's dialect is a setting's, or the majority of its lines', known only at the end of a
// streamed file: lines are remembered by dialect (a bounded number each) and reported then.

import type { LineFacts, Problem } from '../types';
import type { FileRule } from './rule';
import type { DialectId, Family } from '../dialects/table';
import { DialectVote } from '../dialects/detect';
import { dialectInfo, dialectLabel, familyOf } from '../dialects/table';
import { canConvertLine } from '../convert/dialect-line';

/** Lines remembered per dialect; past this, the rest are counted in the last report. */
const MAX_LINES = 1000;

export const rule: FileRule = {
  scope: 'file',
  start(locate, context) {
    const vote = new DialectVote(context.dialect);
    const lines = new Map<
      DialectId,
      { sure: boolean; line: number; why: string; keys: Family }[]
    >();
    const counts = new Map<DialectId, number>();
    return {
      add(line: number, facts: LineFacts): undefined {
        const shape = facts.dialect;
        if (!shape) return undefined;
        vote.add(shape);
        counts.set(shape.dialect, (counts.get(shape.dialect) ?? 0) + 1);
        let list = lines.get(shape.dialect);
        if (!list) lines.set(shape.dialect, (list = []));
        if (list.length < MAX_LINES) {
          const keys = shape.keys ?? shape.family;
          list.push({ sure: shape.sure, line, why: shape.why, keys });
        }
        return undefined;
      },
      finish(): Problem[] {
        const file = vote.dialect();
        const problems: Problem[] = [];
        for (const [dialect, list] of lines) {
          // A line of the file's family read in the file's dialect (chosen, or shown by the
          // first lines) has its problems told by the envelope check (an Azure url refused);
          // so has a line whose keys are of that family though its model points elsewhere.
          const alike = (family: Family): boolean =>
            family === familyOf(file) || (family === 'bare' && familyOf(file) === 'openai');
          const readInFile = (context.dialect ?? context.readAs) === file;
          if (!mismatched(dialect, file)) continue;
          const sure = list.filter(
            (l) =>
              !(readInFile && (alike(familyOf(dialect)) || alike(l.keys))) &&
              (l.sure || familyOf(dialect) !== familyOf(file)),
          );
          for (const { line, why } of sure) {
            problems.push({
              code: 'dialect_mismatch',
              severity: 'error',
              message: `This line is written for ${dialectLabel(dialect)} (${why}), but the file is ${dialectLabel(file)}${context.dialect ? '' : ', as most of its lines are'}: one batch goes to one provider, which refuses lines it cannot read.`,
              line,
              endLine: line,
              ...locate(line, []),
              ...(canConvertLine(dialect, file) && {
                fix: { id: 'convert-line', to: file, safe: false } as const,
              }),
            });
          }
          const more = (counts.get(dialect) ?? 0) - list.length;
          if (more > 0 && problems.length > 0) {
            problems[problems.length - 1]!.message +=
              ` (${more.toLocaleString('en-US')} more lines like it are not listed.)`;
          }
        }
        return problems.sort((a, b) => a.line - b.line);
      },
    };
  },
};

/**
 * Whether a line of `line`'s dialect does not belong in a file of `file`'s: another family, or
 * within OpenAI's envelope an Azure url outside Azure. Dialects told apart only by model names
 * (OpenAI and OpenAI-compatible, Together and Mistral) never clash: the guess is too weak.
 */
function mismatched(line: DialectId, file: DialectId): boolean {
  if (line === file) return false;
  if (familyOf(line) !== familyOf(file)) return true;
  return line === 'azure' && dialectInfo(file).urls !== 'azure';
}
