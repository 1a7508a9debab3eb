// Tool declarations and tool choice. Chat nests each tool's definition under its type
// (`{type:'function', function:{...}}`); responses tools and tool choices are flat.

import type { JsonPath, PathSegment } from '../types';
import type { Ctx, Json, JsonObject } from './context';
import { canFlatten, carryUnknown, has, isObject } from './context';

const FUNCTION_KNOWN = new Set(['name', 'description', 'parameters', 'strict']);
const LEGACY_FUNCTION_KNOWN = new Set(['name', 'description', 'parameters']);
const CUSTOM_KNOWN = new Set(['name', 'description', 'format']);
const FUNCTION_RESERVED = new Set(['type', 'name', 'description', 'parameters', 'strict']);
const CUSTOM_RESERVED = new Set(['type', 'name', 'description', 'format']);
const GRAMMAR_KNOWN = new Set(['type', 'grammar']);
const GRAMMAR_INNER_KNOWN = new Set(['definition', 'syntax']);
const GRAMMAR_RESERVED = new Set(['type', 'syntax', 'definition']);
const NAME_ONLY = new Set(['name']);
const ALLOWED_KNOWN = new Set(['type', 'allowed_tools']);
const ALLOWED_INNER_KNOWN = new Set(['mode', 'tools']);
const ALLOWED_RESERVED = new Set(['type', 'mode', 'tools']);
const FUNCTION_WRAPPER = new Set(['type', 'function']);
const CUSTOM_WRAPPER = new Set(['type', 'custom']);

/** The schema written when a chat function declares no parameters (responses needs one). */
const EMPTY_PARAMETERS: JsonObject = { type: 'object', properties: {} };

/** Converts `tools` (or the deprecated `functions`, with `legacy`) starting at output index `start`. */
export function convertTools(
  ctx: Ctx,
  tools: Json[],
  outPath: JsonPath,
  start: number,
  inKey: 'tools' | 'functions',
): Json[] {
  return tools.map((tool, k) => {
    const out: JsonPath = [...outPath, start + k];
    const inPath = [inKey, k];
    const keepWhole = (reason: string): Json => {
      ctx.keep(out, inPath, reason);
      return tool;
    };
    if (!isObject(tool)) return keepWhole('not a tool object; kept as it was');
    if (inKey === 'functions') {
      if (!canFlatten([[tool, LEGACY_FUNCTION_KNOWN]], FUNCTION_RESERVED)) {
        return keepWhole('function with keys that would collide when flattened; kept as it was');
      }
      return functionTool(ctx, tool, LEGACY_FUNCTION_KNOWN, undefined, out, inPath);
    }
    const kind = tool.type;
    if (kind !== 'function' && kind !== 'custom') {
      return keepWhole('not a chat completions tool type; kept as it was');
    }
    const inner = tool[kind];
    const innerKnown = kind === 'function' ? FUNCTION_KNOWN : CUSTOM_KNOWN;
    const reserved = kind === 'function' ? FUNCTION_RESERVED : CUSTOM_RESERVED;
    const wrapperKnown = kind === 'function' ? FUNCTION_WRAPPER : CUSTOM_WRAPPER;
    if (
      !isObject(inner) ||
      !canFlatten(
        [
          [tool, wrapperKnown],
          [inner, innerKnown],
        ],
        reserved,
      )
    ) {
      return keepWhole(`tool without a usable ${kind} object; kept as it was`);
    }
    return kind === 'function'
      ? functionTool(ctx, inner, FUNCTION_KNOWN, tool, out, inPath)
      : customTool(ctx, inner, tool, out, inPath);
  });
}

function functionTool(
  ctx: Ctx,
  fn: JsonObject,
  known: ReadonlySet<string>,
  wrapper: JsonObject | undefined,
  out: JsonPath,
  wrapperPath: readonly PathSegment[],
): JsonObject {
  const inPath = wrapper ? [...wrapperPath, 'function'] : wrapperPath;
  const named = typeof fn.name === 'string' ? `function ${fn.name}: ` : '';
  const result: JsonObject = { type: 'function' };
  if (has(fn, 'name')) result.name = fn.name as Json;
  const description = ctx.optional(fn, 'description', inPath);
  if (description !== undefined) result.description = description;
  const parameters = ctx.optional(fn, 'parameters', inPath);
  if (parameters !== undefined) result.parameters = parameters;
  else {
    result.parameters = EMPTY_PARAMETERS;
    ctx.change(
      [...inPath, 'parameters'],
      'added',
      `${named}an empty object schema (none was given; responses functions need one)`,
    );
  }
  // Chat functions are non-strict unless told otherwise, responses functions strict: writing the
  // chat default keeps the behaviour the line had.
  const strict = known.has('strict') ? ctx.optional(fn, 'strict', inPath) : undefined;
  if (strict !== undefined) result.strict = strict;
  else {
    result.strict = false;
    ctx.change(
      [...inPath, 'strict'],
      'added',
      `${named}false (chat's default; responses functions default to strict)`,
    );
  }
  if (wrapper) carryUnknown(ctx, wrapper, FUNCTION_WRAPPER, result, out, wrapperPath);
  carryUnknown(ctx, fn, known, result, out, inPath);
  return result;
}

function customTool(
  ctx: Ctx,
  custom: JsonObject,
  wrapper: JsonObject,
  out: JsonPath,
  wrapperPath: readonly PathSegment[],
): JsonObject {
  const inPath = [...wrapperPath, 'custom'];
  const result: JsonObject = { type: 'custom' };
  if (has(custom, 'name')) result.name = custom.name as Json;
  const description = ctx.optional(custom, 'description', inPath);
  if (description !== undefined) result.description = description;
  const format = ctx.optional(custom, 'format', inPath);
  if (format !== undefined)
    result.format = customFormat(ctx, format, [...out, 'format'], [...inPath, 'format']);
  carryUnknown(ctx, wrapper, CUSTOM_WRAPPER, result, out, wrapperPath);
  carryUnknown(ctx, custom, CUSTOM_KNOWN, result, out, inPath);
  return result;
}

/** Text formats are identical; grammar formats lose their nesting (`grammar: {definition, syntax}`). */
function customFormat(ctx: Ctx, format: Json, out: JsonPath, inPath: readonly PathSegment[]): Json {
  if (isObject(format) && format.type === 'text') {
    const result: JsonObject = { type: 'text' };
    carryUnknown(ctx, format, new Set(['type']), result, out, inPath);
    return result;
  }
  const grammar = isObject(format) ? format.grammar : undefined;
  if (
    !isObject(format) ||
    format.type !== 'grammar' ||
    !isObject(grammar) ||
    !canFlatten(
      [
        [format, GRAMMAR_KNOWN],
        [grammar, GRAMMAR_INNER_KNOWN],
      ],
      GRAMMAR_RESERVED,
    )
  ) {
    ctx.keep(out, inPath, 'not a text or grammar format; kept as it was');
    return format;
  }
  const result: JsonObject = { type: 'grammar' };
  if (has(grammar, 'syntax')) result.syntax = grammar.syntax as Json;
  if (has(grammar, 'definition')) result.definition = grammar.definition as Json;
  carryUnknown(ctx, format, GRAMMAR_KNOWN, result, out, inPath);
  carryUnknown(ctx, grammar, GRAMMAR_INNER_KNOWN, result, out, [...inPath, 'grammar']);
  return result;
}

/**
 * `tool_choice` strings are the same; named choices and allowed-tools lists are flattened, and so
 * are the tool references inside an allowed-tools list.
 */
export function convertToolChoice(
  ctx: Ctx,
  choice: Json,
  out: JsonPath,
  inPath: readonly PathSegment[],
): Json {
  if (typeof choice === 'string') return choice;
  if (isObject(choice) && choice.type === 'allowed_tools') {
    const inner = choice.allowed_tools;
    if (
      isObject(inner) &&
      canFlatten(
        [
          [choice, ALLOWED_KNOWN],
          [inner, ALLOWED_INNER_KNOWN],
        ],
        ALLOWED_RESERVED,
      )
    ) {
      const result: JsonObject = { type: 'allowed_tools' };
      const innerPath = [...inPath, 'allowed_tools'];
      if (has(inner, 'mode')) result.mode = inner.mode as Json;
      if (has(inner, 'tools')) {
        const tools = inner.tools as Json;
        result.tools = Array.isArray(tools)
          ? tools.map((ref, k) =>
              // Both APIs take any object here; only function and custom refs change shape.
              isObject(ref) && ref.type !== 'function' && ref.type !== 'custom'
                ? ref
                : toolRef(ctx, ref, [...out, 'tools', k], [...innerPath, 'tools', k]),
            )
          : tools;
      }
      carryUnknown(ctx, choice, ALLOWED_KNOWN, result, out, inPath);
      carryUnknown(ctx, inner, ALLOWED_INNER_KNOWN, result, out, innerPath);
      return result;
    }
    ctx.keep(out, inPath, 'allowed_tools choice that cannot be flattened; kept as it was');
    return choice;
  }
  return toolRef(ctx, choice, out, inPath);
}

/** `{type:'function', function:{name}}` → `{type:'function', name}` (and the same for custom). */
function toolRef(ctx: Ctx, ref: Json, out: JsonPath, inPath: readonly PathSegment[]): Json {
  const kind = isObject(ref) ? ref.type : undefined;
  const inner = isObject(ref) && (kind === 'function' || kind === 'custom') ? ref[kind] : undefined;
  const wrapperKnown = kind === 'function' ? FUNCTION_WRAPPER : CUSTOM_WRAPPER;
  if (
    !isObject(ref) ||
    !isObject(inner) ||
    !canFlatten(
      [
        [ref, wrapperKnown],
        [inner, NAME_ONLY],
      ],
      new Set(['type', 'name']),
    )
  ) {
    ctx.keep(out, inPath, 'not a function or custom tool reference; kept as it was');
    return ref;
  }
  const result: JsonObject = { type: kind as string };
  if (has(inner, 'name')) result.name = inner.name as Json;
  carryUnknown(ctx, ref, wrapperKnown, result, out, inPath);
  carryUnknown(ctx, inner, NAME_ONLY, result, out, [...inPath, kind as string]);
  return result;
}

/**
 * The deprecated `function_call` → `tool_choice`: `none`/`auto` are the same strings, and
 * `{name}` names a function. Returns undefined when the value has no such form.
 */
export function functionCallToChoice(
  ctx: Ctx,
  value: Json,
  out: JsonPath,
  inPath: readonly PathSegment[],
): Json | undefined {
  if (value === 'none' || value === 'auto') return value;
  if (!isObject(value) || !canFlatten([[value, NAME_ONLY]], new Set(['type', 'name'])))
    return undefined;
  const result: JsonObject = { type: 'function' };
  if (has(value, 'name')) result.name = value.name as Json;
  carryUnknown(ctx, value, NAME_ONLY, result, out, inPath);
  return result;
}
