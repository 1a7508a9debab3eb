// The two ways `batchlint fix` runs, on one input: the whole-file fixer and the streaming one.

import { fixDocument, fixStream } from '../../server/src/core/node';

/** The output of the whole-file fixer (`document`) and of the streaming one (`stream`). */
export async function bothFixes(input: string): Promise<{ document: string; stream: string }> {
  const bytes = Buffer.from(input, 'utf8');
  const pieces: Buffer[] = [];
  await fixStream([bytes], (piece) => {
    pieces.push(piece);
  });
  return {
    document: Buffer.concat(fixDocument(bytes).output).toString('utf8'),
    stream: Buffer.concat(pieces).toString('utf8'),
  };
}
