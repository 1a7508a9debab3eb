// The line each custom_id was first used on, for the duplicate rule: one entry per request of a
// file, looked up once per line. A Map of 50,000 strings cost the 50,000-line bench 60 ms (its
// table misses the cache on every line, and every id it holds lives on for the garbage collector
// to copy), so the ids batch files are mostly made of, a name and a counter (`request-1`,
// `chat-000042`), are kept as their numbers in a typed array per name; all others in a Map.

/** Counters of more digits may not fit a 32-bit array index. */
const MAX_DIGITS = 9;
/** A counter's first array; it doubles as its numbers grow, one step at a time. */
const FIRST_LENGTH = 1024;
/** A counter's array holds at most this many entries per id it keeps (past FIRST_LENGTH). */
const MAX_SPREAD = 16;
/**
 * Counters made at most: ids whose digits are no counter (UUIDs, a third of which end in digits
 * after a name of their own) would each make one. Past this, ids of a new name go in the Map.
 */
const MAX_COUNTERS = 64;

/** The ids that share a name and a number of digits: `chat-` and six digits. */
class Counter {
  /** Per number, the line it was first used on, plus one (0: not used). */
  lines = new Int32Array(FIRST_LENGTH);
  /** Ids kept. */
  count = 0;

  constructor(
    readonly name: string,
    readonly digits: number,
  ) {}

  /**
   * Whether `number` can be kept here (else it goes in the Map): the array doubles to take the
   * next numbers, never to leap over a gap, nor to more than MAX_SPREAD entries per id kept, so
   * ids such as 1, 2000, 4000, 8000, … cannot make it grow to gigabytes.
   */
  holds(number: number): boolean {
    if (number < this.lines.length) return true;
    const length = this.lines.length * 2;
    if (number >= length || length > MAX_SPREAD * (this.count + FIRST_LENGTH)) return false;
    const grown = new Int32Array(length);
    grown.set(this.lines);
    this.lines = grown;
    return true;
  }
}

export class IdLines {
  private readonly others = new Map<string, number>();
  private readonly counters = new Map<string, Counter>();
  /** The counter of the last id read: a file's ids mostly share one. */
  private last: Counter | undefined;

  /**
   * The line `id` was first used on; undefined when it is new, and it is then noted as used on
   * `line` (0-based).
   */
  firstLine(id: string, line: number): number | undefined {
    const at = this.find(id, true);
    if (at !== undefined) {
      const [counter, number] = at;
      const first = counter.lines[number]!;
      if (first !== 0) return first - 1;
      // A number its counter could not hold when it was first used went in the Map.
      if (this.others.size === 0 || !this.others.has(id)) {
        counter.lines[number] = line + 1;
        counter.count++;
        return undefined;
      }
    }
    const first = this.others.get(id);
    if (first === undefined) this.others.set(id, line);
    return first;
  }

  /** Whether `id` was used. */
  has(id: string): boolean {
    const at = this.find(id, false);
    return (at !== undefined && at[0].lines[at[1]] !== 0) || this.others.has(id);
  }

  /**
   * The counter that keeps `id` and its number, or undefined when the Map does: an id that does
   * not end in 1 to 9 ASCII digits, or whose number its counter cannot hold (`make`: a counter
   * is made for a name not seen before; else a new name's ids are in the Map).
   */
  private find(id: string, make: boolean): [Counter, number] | undefined {
    let start = id.length;
    while (start > 0 && isDigit(id.charCodeAt(start - 1))) start--;
    const digits = id.length - start;
    if (digits === 0 || digits > MAX_DIGITS) return undefined;
    let counter = this.last;
    if (counter === undefined || counter.digits !== digits || !sameName(id, start, counter.name)) {
      const name = id.slice(0, start);
      const key = `${digits}:${name}`;
      counter = this.counters.get(key);
      if (counter === undefined) {
        if (!make || this.counters.size >= MAX_COUNTERS) return undefined;
        counter = new Counter(name, digits);
        this.counters.set(key, counter);
      }
      this.last = counter;
    }
    // The digits' own number: with the count of digits it gives the id back (`007` is 7 of 3).
    let number = 0;
    for (let i = start; i < id.length; i++) number = number * 10 + id.charCodeAt(i) - 48;
    if (!make) return number < counter.lines.length ? [counter, number] : undefined;
    return counter.holds(number) ? [counter, number] : undefined;
  }
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Whether `id` before `end` is `name`. */
function sameName(id: string, end: number, name: string): boolean {
  return end === name.length && id.startsWith(name);
}
