// The README's table of problem codes, rendered from the catalogue (scripts/sync-catalogue.mjs
// writes it) and read back (the catalogue test compares the two).

import type { ProblemEntry } from '../../server/src/core';

/** The comments around the generated table in README.md. */
export const README_MARKERS = [
  '<!-- problem codes: generated from the catalogue by scripts/sync-catalogue.mjs -->',
  '<!-- end of problem codes -->',
] as const;

const HEADER = ['Code', 'Default', 'Stage', 'What'];

function rowOf(code: string, entry: ProblemEntry): string[] {
  return [`\`${code}\``, entry.severity, entry.stage, entry.description];
}

/** The table as markdown (unaligned; prettier aligns it). */
export function codeTable(problems: Readonly<Record<string, ProblemEntry>>): string {
  const rows = [
    HEADER,
    HEADER.map(() => '---'),
    ...Object.entries(problems).map(([c, e]) => rowOf(c, e)),
  ];
  return (
    rows.map((cells) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`).join('\n') +
    '\n'
  );
}

/** The expected cells of every row, in catalogue order. */
export function expectedRows(problems: Readonly<Record<string, ProblemEntry>>): string[][] {
  return Object.entries(problems).map(([c, e]) => rowOf(c, e));
}

/** The cells of the rows of the generated table in a README text (header and rule left out). */
export function readmeRows(readme: string): string[][] {
  const [open, close] = README_MARKERS;
  const start = readme.indexOf(open);
  const end = readme.indexOf(close);
  if (start < 0 || end < start) return [];
  return readme
    .slice(start + open.length, end)
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .slice(2)
    .map((line) =>
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim().replace(/\\\|/g, '|')),
    );
}
