// The walk over a chat completions conversation that every dialect converter shares: leading
// system turns gathered for the target's system field, tool messages folded into one user turn
// of tool results, the roles the target has, message keys it has no place for kept and
// reported, tool calls whose arguments are not an object kept. The target (to-anthropic.ts,
// to-gemini.ts) says only how each piece is written in its own shape.

import type { PathSegment } from '../types';
import type { Ctx, Json, JsonObject } from './context';
import { isObject } from './context';
import { setKey } from './exact-json';
import { callArguments, leadingSystem, systemTexts, toolCallNames } from './chat-parts';
import { elide } from '../words';

/** How one target writes the pieces of a conversation. */
export interface TurnTarget {
  /** The target's name in reasons ("Anthropic", "Gemini"). */
  name: string;
  /** Where the converted turns go in the output line (`params.messages`, `request.contents`). */
  turnsAt: PathSegment[];
  /** A leading system text as one block of the target's system field. */
  systemBlock(text: string): JsonObject;
  /**
   * A tool message (no keys but role, content, tool_call_id and name) as one tool-result block,
   * or undefined when the target cannot tie it to its call.
   */
  toolResult(
    ctx: Ctx,
    m: JsonObject,
    at: PathSegment[],
    names: Map<string, string>,
  ): JsonObject | undefined;
  /** Said of a tool message that is not converted; undefined: it is read as any other role. */
  toolKept?: string;
  /** Said of a system or developer message after the conversation has begun. */
  laterSystem: string;
  /** The key of a turn's blocks (`content`, `parts`) and whether a block is a tool result. */
  blocks: { key: string; isResult(block: Json): boolean };
  /** The target's name for a chat role (`assistant` → `model`). */
  role(role: 'user' | 'assistant'): string;
  /** Said of a message key the target's turns have no place for. */
  extraKey: string;
  /** Writes a user or assistant message's content and tool calls into `out` (role set). */
  body(ctx: Ctx, m: JsonObject, at: PathSegment[], outAt: PathSegment[], out: JsonObject): void;
}

/**
 * Walks `list` (the chat messages): returns the leading system texts as the target's system
 * blocks and the converted turns; what has no place stays, reported through `ctx`.
 */
export function walkTurns(
  ctx: Ctx,
  list: Json[],
  target: TurnTarget,
): { system: JsonObject[]; turns: Json[] } {
  const names = toolCallNames(list);
  const lead = leadingSystem(list);
  const system: JsonObject[] = [];
  const turns: Json[] = [];
  list.forEach((m, i) => {
    const at: PathSegment[] = ['messages', i];
    if (i < lead && isObject(m)) {
      const texts = systemTexts(m.content);
      if (texts && Object.keys(m).every((k) => k === 'role' || k === 'content')) {
        for (const text of texts) system.push(target.systemBlock(text));
        return;
      }
    }
    const converted = turn(ctx, m, at, [...target.turnsAt, turns.length], names, turns, target);
    if (converted !== MERGED) turns.push(converted);
  });
  return { system, turns };
}

/** A tool message folded into the user turn of tool results just before it. */
const MERGED: JsonObject = {};

function turn(
  ctx: Ctx,
  m: Json,
  at: PathSegment[],
  outAt: PathSegment[],
  names: Map<string, string>,
  before: Json[],
  target: TurnTarget,
): Json {
  if (!isObject(m)) {
    ctx.keep(outAt, at, 'not a message object; kept as it was');
    return m;
  }
  if (m.role === 'tool') {
    const extra = Object.keys(m).some(
      (k) => !['role', 'content', 'tool_call_id', 'name'].includes(k),
    );
    const block = extra ? undefined : target.toolResult(ctx, m, at, names);
    if (block) {
      // The target wants a call's results together, in one user turn.
      const previous = before[before.length - 1];
      const held = isObject(previous) ? previous[target.blocks.key] : undefined;
      if (
        isObject(previous) &&
        previous.role === 'user' &&
        Array.isArray(held) &&
        held.every(target.blocks.isResult)
      ) {
        held.push(block);
        return MERGED;
      }
      return { role: 'user', [target.blocks.key]: [block] };
    }
    if (target.toolKept !== undefined) {
      ctx.keep(outAt, at, target.toolKept);
      return m;
    }
  }
  if (m.role !== 'user' && m.role !== 'assistant') {
    ctx.keep(
      outAt,
      at,
      m.role === 'system' || m.role === 'developer'
        ? target.laterSystem
        : `${target.name} has no '${elide(String(m.role))}' role`,
    );
    return m;
  }
  const out: JsonObject = { role: target.role(m.role) };
  for (const key of Object.keys(m)) {
    if (key === 'role' || key === 'content' || (key === 'tool_calls' && m.role === 'assistant'))
      continue;
    setKey(out, key, m[key] as Json);
    ctx.keep([...outAt, key], [...at, key], target.extraKey);
  }
  target.body(ctx, m, at, outAt, out);
  return out;
}

/**
 * An assistant message's tool calls, each made into the target's block by `make` (given the
 * call, its function and its arguments as an object; undefined when the target cannot take
 * it). `made` are the blocks; `keep` writes the calls not made into `out.tool_calls`, reported
 * (called once the turn's content is written, so the keys keep the message's order).
 */
export function toolCalls(
  ctx: Ctx,
  m: JsonObject,
  at: PathSegment[],
  outAt: PathSegment[],
  make: (call: JsonObject, fn: JsonObject, input: JsonObject) => Json | undefined,
): { made: Json[]; keep(out: JsonObject): void } {
  const made: Json[] = [];
  const kept: Json[] = [];
  if (m.role === 'assistant' && Array.isArray(m.tool_calls)) {
    for (const call of m.tool_calls) {
      const fn = isObject(call) ? call.function : undefined;
      const input = isObject(fn) ? callArguments(fn.arguments) : undefined;
      const block = isObject(call) && isObject(fn) && input ? make(call, fn, input) : undefined;
      if (block !== undefined) made.push(block);
      else kept.push(call);
    }
  }
  return {
    made,
    keep(out) {
      if (kept.length === 0) return;
      setKey(out, 'tool_calls', kept);
      ctx.keep(
        [...outAt, 'tool_calls'],
        [...at, 'tool_calls'],
        'tool calls whose arguments are not a JSON object; kept as they were',
      );
    },
  };
}

/**
 * Copies the keys of `from` not in `known` into `out`, each reported with `reason` (a content
 * part's keys the target's part has no place for); returns `out`.
 */
export function keepOthers(
  ctx: Ctx,
  from: JsonObject,
  known: readonly string[],
  out: JsonObject,
  at: PathSegment[],
  outAt: PathSegment[],
  reason: string | ((key: string) => string),
): JsonObject {
  for (const key of Object.keys(from)) {
    if (known.includes(key)) continue;
    setKey(out, key, from[key] as Json);
    ctx.keep([...outAt, key], [...at, key], typeof reason === 'string' ? reason : reason(key));
  }
  return out;
}
