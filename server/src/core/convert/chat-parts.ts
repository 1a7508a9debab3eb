// What the dialect converters share about chat completions messages: reading data URLs, the
// names of tool calls (a tool result names only the call's id), and the leading system turns.

import type { Json, JsonObject } from './context';
import { isObject } from './context';

/** A data URL split into its media type and base64 payload, or undefined for anything else. */
export function dataUrl(url: unknown): { mediaType: string; data: string } | undefined {
  if (typeof url !== 'string' || !url.startsWith('data:')) return undefined;
  const comma = url.indexOf(',');
  const head = url.slice(5, comma);
  if (comma < 0 || !head.endsWith(';base64')) return undefined;
  return { mediaType: head.slice(0, -';base64'.length), data: url.slice(comma + 1) };
}

/** The function name of every tool call in the conversation, by the call's id. */
export function toolCallNames(messages: readonly Json[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const m of messages) {
    if (!isObject(m) || !Array.isArray(m.tool_calls)) continue;
    for (const call of m.tool_calls) {
      if (isObject(call) && typeof call.id === 'string' && isObject(call.function)) {
        const name = call.function.name;
        if (typeof name === 'string') names.set(call.id, name);
      }
    }
  }
  return names;
}

/** How many messages at the start are system or developer turns (the ones a top-level system takes). */
export function leadingSystem(messages: readonly Json[]): number {
  let n = 0;
  while (n < messages.length) {
    const m = messages[n];
    if (!isObject(m) || (m.role !== 'system' && m.role !== 'developer')) break;
    n++;
  }
  return n;
}

/** The text of a system message's content (a string, or text parts), or undefined if it has other parts. */
export function systemTexts(content: Json | undefined): string[] | undefined {
  if (typeof content === 'string') return [content];
  if (!Array.isArray(content)) return undefined;
  const texts: string[] = [];
  for (const part of content) {
    if (!isObject(part) || part.type !== 'text' || typeof part.text !== 'string') return undefined;
    if (Object.keys(part).some((k) => k !== 'type' && k !== 'text')) return undefined;
    texts.push(part.text);
  }
  return texts;
}

/** The arguments of a tool call as an object, or undefined when they are not a JSON object. */
export function callArguments(text: unknown): JsonObject | undefined {
  if (typeof text !== 'string') return undefined;
  try {
    const value = JSON.parse(text) as unknown;
    return isObject(value) ? (value as JsonObject) : undefined;
  } catch {
    return undefined;
  }
}
