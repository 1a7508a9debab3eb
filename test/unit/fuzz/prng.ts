// A seeded generator (mulberry32), so every fuzz failure names a seed that reproduces it.

export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [min, max]. */
  range(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** Any UTF-16 code unit except the surrogates (those are chosen on purpose elsewhere). */
  char(): string {
    const roll = this.int(10);
    if (roll < 4) return String.fromCharCode(this.range(0x20, 0x7e));
    if (roll < 6) return String.fromCharCode(this.range(0, 0x1f));
    if (roll < 8) return String.fromCharCode(this.range(0x80, 0xd7ff));
    if (roll < 9) return String.fromCodePoint(this.range(0x10000, 0x10ffff));
    return String.fromCharCode(this.range(0xe000, 0xffff));
  }

  bytes(n: number): Buffer {
    const out = Buffer.allocUnsafe(n);
    for (let i = 0; i < n; i++) out[i] = this.int(256);
    return out;
  }
}
