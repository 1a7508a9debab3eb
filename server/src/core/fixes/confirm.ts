// A fix that moves a key (a misspelling renamed, a key moved into the object that declares it, a
// chat parameter moved where the Responses API reads it) is made unattended only if the request
// it leaves has no problem the request did not have: the value may not suit the place it goes
// (`"temprature": 5`, `"format": "json"` into `audio`), or the model may refuse it there. So the
// safe key moves of a request are made on a copy of it, all together, the copy is checked again,
// and a move at or above whose new place a new error or warning appears is no longer safe (it
// stays on offer, for a decision).
//
// A problem deeper inside the moved value is not one the move adds: the value was there, unread
// where it stood (the API reads no further into a key it does not know), and the move shows it.

import type { Finding, FixRef, JsonPath, PathSegment } from '../types';

/** Rounds of "take out the moves to blame, try the others again": more than real lines need. */
const MAX_ROUNDS = 3;

type Body = Record<string, unknown>;

/** One key taken from `from` and set at `to`; `flatten`: chat's json_schema response_format. */
interface Move {
  from: JsonPath;
  to: JsonPath;
  flatten?: boolean;
}

/**
 * `findings` of `request` with `safe` taken off each key move that would add a problem.
 * `recheck` gives the findings of a request (the same check, without this step). Returns
 * `findings` itself when none carries a safe key move (almost every line): the request is then
 * neither copied nor checked again. Otherwise at most MAX_ROUNDS checks more.
 */
export function confirmRepairs(
  request: Body,
  findings: Finding[],
  recheck: (request: Body) => Finding[],
): Finding[] {
  if (findings.length === 0) return findings; // most lines: nothing to confirm, nothing allocated
  const candidates = new Map<string, Move[]>();
  for (const f of findings) {
    const ref = safeMoveOf(f);
    if (ref) candidates.set(refKey(ref), movesOf(ref));
  }
  if (candidates.size === 0) return findings;
  const unsafe = conflicting(candidates);
  let left = [...candidates].filter(([key]) => !unsafe.has(key));
  for (let round = 0; left.length > 0; round++) {
    if (round === MAX_ROUNDS) {
      for (const [key] of left) unsafe.add(key);
      break;
    }
    const blamed = blame(request, findings, left, recheck);
    if (blamed.size === 0) break;
    for (const key of blamed) unsafe.add(key);
    left = left.filter(([key]) => !unsafe.has(key));
  }
  if (unsafe.size === 0) return findings;
  return findings.map((f) => {
    const ref = safeMoveOf(f);
    if (!ref || !unsafe.has(refKey(ref)) || !f.fix) return f;
    const fix = f.fix;
    if (fix.id === 'remove-key' && fix.repair)
      return { ...f, fix: { ...fix, repair: { ...fix.repair, safe: false } } };
    return { ...f, fix: { ...fix, safe: false } };
  });
}

/**
 * Makes the moves of `left` on a copy and checks it: the keys of the moves to blame for a new
 * problem (none when there is none). Places are looked up by their prefixes in maps, so the work
 * is that of the findings and moves times the depth of their paths, whatever their number.
 */
function blame(
  request: Body,
  findings: readonly Finding[],
  left: readonly [string, Move[]][],
  recheck: (request: Body) => Finding[],
): Set<string> {
  const moves = left.flatMap(([, m]) => m);
  const from = new Map(moves.map((m) => [placeKey(m.from), m]));
  const to = new Set(moves.map((m) => placeKey(m.to)));
  /** Every place at or above a move's new place, with the moves it holds. */
  const above = new Map<string, string[]>();
  for (const [key, ms] of left) {
    for (const m of ms) {
      for (const p of prefixKeys(m.to)) {
        const holders = above.get(p);
        if (holders) holders.push(key);
        else above.set(p, [key]);
      }
    }
  }
  const before = new Set<string>();
  for (const f of findings.filter(counts)) {
    before.add(problemKey(f.code, f.path));
    // A problem moves with its key: at the key's new place it is the same problem.
    const prefixes = prefixKeys(f.path);
    for (let i = prefixes.length - 1; i >= 0; i--) {
      const move = from.get(prefixes[i]!);
      if (!move) continue;
      before.add(problemKey(f.code, [...move.to, ...f.path.slice(i)]));
      break;
    }
  }
  const blamed = new Set<string>();
  let elsewhere = false;
  for (const f of recheck(withMoves(request, moves))) {
    if (!counts(f) || before.has(problemKey(f.code, f.path))) continue;
    const prefixes = prefixKeys(f.path);
    // Deeper inside a moved value: there before, unread where it stood.
    if (prefixes.slice(0, -1).some((p) => to.has(p))) continue;
    const holders = above.get(prefixes[prefixes.length - 1]!);
    if (holders) for (const key of holders) blamed.add(key);
    else elsewhere = true;
  }
  // A new problem elsewhere in the request: none of the moves is taken on trust.
  return elsewhere ? new Set(left.map(([key]) => key)) : blamed;
}

type MoveRef = Extract<FixRef, { id: 'rename-key' | 'nest-keys' | 'move-param' }>;

/** The key move a finding's fix makes unattended: a removal's safe repair, or a move of its own. */
function safeMoveOf(f: Finding): MoveRef | undefined {
  const fix = f.fix;
  if (fix?.id === 'remove-key') return fix.repair?.safe === true ? fix.repair : undefined;
  if (fix?.id === 'rename-key' || fix?.id === 'nest-keys' || fix?.id === 'move-param')
    return fix.safe === false ? undefined : fix;
  return undefined;
}

/** One move given by two findings (a part's missing image_url and its stray url) is one. */
function refKey(ref: MoveRef): string {
  return JSON.stringify(
    ref.id === 'nest-keys' ? [ref.path, ref.into, ref.keys] : [ref.path, ref.to],
  );
}

function movesOf(ref: MoveRef): Move[] {
  const parent = ref.path.slice(0, -1);
  if (ref.id === 'nest-keys')
    return ref.keys.map((k) => ({ from: [...ref.path, k], to: [...ref.path, ref.into, k] }));
  if (ref.id === 'rename-key') return [{ from: ref.path, to: [...parent, ref.to] }];
  return [
    { from: ref.path, to: [...parent, ...ref.to.split('.')], flatten: ref.to === 'text.format' },
  ];
}

/** Errors and warnings; a new note is no new problem. */
const counts = (f: Finding): boolean => f.severity !== 'info';

function problemKey(code: string, path: JsonPath): string {
  return `${code} ${placeKey(path)}`;
}

/** A path as a map key: its segments as JSON, so a key "0" and an index 0 differ. */
function placeKey(path: JsonPath): string {
  return path.map((s) => JSON.stringify(s)).join(',');
}

/** The keys of every prefix of `path`, from the empty one to the whole path. */
function prefixKeys(path: JsonPath): string[] {
  const out = [''];
  let key = '';
  for (const segment of path) {
    key = key === '' ? JSON.stringify(segment) : `${key},${JSON.stringify(segment)}`;
    out.push(key);
  }
  return out;
}

/**
 * Moves that write to one place, or take one key two ways (`Temperature` and `temprature` both
 * renamed to `temperature`): whichever is made, the other reading is lost, so none is safe.
 */
function conflicting(candidates: ReadonlyMap<string, Move[]>): Set<string> {
  const owner = new Map<string, string>();
  const out = new Set<string>();
  for (const [key, moves] of candidates) {
    for (const place of moves.flatMap((m) => [m.from, m.to])) {
      const at = placeKey(place);
      const other = owner.get(at);
      if (other !== undefined && other !== key) out.add(key).add(other);
      owner.set(at, key);
    }
  }
  return out;
}

/**
 * A copy of `request` with the moves made. Only the objects on the moves' paths are copied,
 * each once, so the cost is that of those objects, not of the request.
 */
function withMoves(request: Body, moves: readonly Move[]): Body {
  const copied = new Set<unknown>();
  const root = { ...request };
  copied.add(root);
  /** The copied object at `path`, creating missing objects on the way when `create`. */
  const writable = (path: JsonPath, create: boolean): Body | undefined => {
    let node: unknown = root;
    for (const segment of path) {
      const parent = node as Record<PathSegment, unknown>;
      let child = Object.hasOwn(parent, segment) ? parent[segment] : undefined;
      if (child === undefined && create) child = {};
      if (typeof child !== 'object' || child === null) return undefined;
      if (!copied.has(child)) {
        child = Array.isArray(child) ? [...(child as unknown[])] : { ...(child as Body) };
        copied.add(child);
        put(parent, segment, child);
      }
      node = child;
    }
    return Array.isArray(node) ? undefined : (node as Body);
  };
  for (const move of moves) {
    const from = writable(move.from.slice(0, -1), false);
    const key = move.from[move.from.length - 1]!;
    if (!from || !Object.hasOwn(from, key)) continue;
    const value = from[key];
    delete from[key];
    const to = writable(move.to.slice(0, -1), true);
    if (to) put(to, move.to[move.to.length - 1]!, move.flatten ? flattened(value) : value);
  }
  return root;
}

/** Chat's `{"type": "json_schema", "json_schema": {…}}` as text.format takes it (fixes/keys.ts). */
function flattened(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const format = value as Body;
  const schema = format.json_schema;
  if (format.type !== 'json_schema' || typeof schema !== 'object' || schema === null) return value;
  return { type: 'json_schema', ...(schema as Body) };
}

/** Sets a key as an own property: a user's `__proto__` key stays a key, not a prototype. */
function put(object: Record<PathSegment, unknown>, key: PathSegment, value: unknown): void {
  Object.defineProperty(object, key, {
    value,
    writable: true,
    enumerable: true,
    configurable: true,
  });
}
