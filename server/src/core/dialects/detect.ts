// The dialect of a file: a setting's, or the majority of its lines' (classify.ts), with the
// evidence the status bar shows. Fed line after line, so a streamed file is detected as it is
// read and an open document from its cached per-line facts.

import type { DialectId, Family } from './table';
import type { LineDialect } from './classify';
import { classifyLine } from './classify';
import { DEFAULT_DIALECT, DIALECT_IDS, familyOf } from './table';

/** The file's dialect and why. */
export interface Detection {
  dialect: DialectId;
  /** Set by a setting or flag rather than detected. */
  explicit: boolean;
  /** One sentence: what the lines showed (or that a setting chose it), after the dialect's name. */
  evidence: string;
}

export class DialectVote {
  private readonly counts = new Map<DialectId, number>();
  /** Lines that tell only their family (classify.ts `weak`), by the dialect they fall back to. */
  private readonly weak = new Map<DialectId, number>();
  private readonly families = new Map<Family, number>();
  private readonly why = new Map<DialectId, string>();
  private readonly weakWhy = new Map<DialectId, string>();
  private lines = 0;
  /**
   * The dialect() last computed, kept while lines vote for it: a vote for the leading dialect
   * only widens its lead (its family's count grows too), and batch-limits asks after every line.
   */
  private leader: DialectId | undefined;
  /**
   * The last lines' dialect and family, and how many lines in a row voted for them, not yet in
   * the counts: a file's lines mostly share one dialect, so a vote is mostly one increment.
   */
  private run: { dialect: DialectId; family: Family; weak: boolean; length: number } | undefined;

  /** `explicit`: the dialect a setting or flag chose; the vote then only gathers evidence. */
  constructor(private readonly explicit?: DialectId) {}

  /** How many lines have voted. */
  get voters(): number {
    return this.lines;
  }

  add(line: LineDialect | undefined): void {
    if (!line) return;
    if (line.dialect !== this.leader) this.leader = undefined;
    this.lines++;
    const weak = line.weak === true;
    if (this.run?.dialect === line.dialect && this.run.weak === weak) {
      this.run.length++;
      return;
    }
    this.flush();
    this.run = { dialect: line.dialect, family: line.family, weak, length: 1 };
    const why = weak ? this.weakWhy : this.why;
    if (!why.has(line.dialect)) why.set(line.dialect, line.why);
  }

  /** Adds the current run of votes to the counts. */
  private flush(): void {
    const run = this.run;
    if (!run || run.length === 0) return;
    const counts = run.weak ? this.weak : this.counts;
    counts.set(run.dialect, (counts.get(run.dialect) ?? 0) + run.length);
    this.families.set(run.family, (this.families.get(run.family) ?? 0) + run.length);
    run.length = 0;
  }

  /** The family most lines are written in (ties: the manifest's order). */
  family(): Family {
    if (this.explicit) return familyOf(this.explicit);
    this.flush();
    let best: Family = familyOf(DEFAULT_DIALECT);
    let most = 0;
    for (const id of DIALECT_IDS) {
      const family = familyOf(id);
      const n = this.families.get(family) ?? 0;
      if (n > most) [best, most] = [family, n];
    }
    return best;
  }

  /**
   * The file's dialect: the setting's, else within the majority family the dialect most of its
   * lines show (ties: the manifest's order); lines that show only their family (no model)
   * decide only when no line shows more.
   */
  dialect(): DialectId {
    if (this.explicit) return this.explicit;
    return (this.leader ??= this.lead());
  }

  private lead(): DialectId {
    this.flush();
    const family = this.family();
    const inFamily = DIALECT_IDS.filter((id) => familyOf(id) === family);
    let best = inFamily[0] ?? DEFAULT_DIALECT;
    for (const counts of [this.counts, this.weak]) {
      let most = 0;
      for (const id of inFamily) {
        const n = counts.get(id) ?? 0;
        if (n > most) [best, most] = [id, n];
      }
      if (most > 0) return best;
    }
    return best;
  }

  detection(): Detection {
    this.flush();
    const dialect = this.dialect();
    if (this.explicit) {
      return { dialect, explicit: true, evidence: 'chosen by the dialect setting.' };
    }
    if (this.lines === 0) {
      return { dialect, explicit: false, evidence: 'the default (no request lines to tell).' };
    }
    const strong = this.counts.get(dialect) ?? 0;
    // Lines without a model count for the dialect they fall back to only when it won by them.
    const own = strong > 0 ? strong : (this.weak.get(dialect) ?? 0);
    let alike = 0;
    for (const n of this.weak.values()) alike += n;
    if (strong === 0) alike -= own;
    const others = DIALECT_IDS.filter((id) => id !== dialect)
      .map((id) => [id, this.counts.get(id) ?? 0] as const)
      .filter(([, n]) => n > 0)
      .map(([id, n]) => `${n} ${id}`)
      .concat(alike > 0 ? [`${alike} without a model`] : []);
    const why = (strong > 0 ? this.why : this.weakWhy).get(dialect);
    return {
      dialect,
      explicit: false,
      evidence:
        `detected from ${own} of ${this.lines} request line${this.lines === 1 ? '' : 's'}` +
        (why ? ` (${why})` : '') +
        (others.length > 0 ? `; other lines: ${others.join(', ')}.` : '.'),
    };
  }
}

/** Lines the dialect is read from before a file is checked (the file rule votes on all). */
export const DETECT_LINES = 100;

/**
 * The dialect the first lines of a text show (up to DETECT_LINES lines with content), or
 * undefined when none is a request: the dialect lines of its family are read in, so that an
 * Azure file's typo is answered in Azure's url form. Lines that do not parse are skipped.
 */
export function detectFromLines(lines: Iterable<string>): DialectId | undefined {
  const vote = new DialectVote();
  let seen = 0;
  for (const line of lines) {
    if (line.trim() === '') continue;
    if (++seen > DETECT_LINES) break;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      continue;
    }
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      vote.add(classifyLine(value as Record<string, unknown>));
    }
  }
  return vote.voters > 0 ? vote.dialect() : undefined;
}
