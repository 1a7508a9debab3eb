// A stream of notifications a test can await: the first value that passes a test, with a
// generous timeout as the only clock (no sleeping).

const WAIT_MS = 15_000;

interface Waiter<T> {
  test: (value: T) => boolean;
  resolve: (value: T) => void;
}

/** Lets a test await the first matching value of a stream of notifications. */
export class Channel<T> {
  readonly seen: T[] = [];
  private waiters: Waiter<T>[] = [];

  push(value: T): void {
    this.seen.push(value);
    this.waiters = this.waiters.filter((w) => {
      if (!w.test(value)) return true;
      w.resolve(value);
      return false;
    });
  }

  /** The next value (from now on; or already seen, with `seen`) that passes `test`. */
  next(test: (value: T) => boolean, what: string, seen = false): Promise<T> {
    const already = seen ? this.seen.find(test) : undefined;
    if (already !== undefined) return Promise.resolve(already);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), WAIT_MS);
      this.waiters.push({
        test,
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value);
        },
      });
    });
  }
}
