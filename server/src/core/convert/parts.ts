// Chat content parts → responses content parts. Chat nests each part's payload in an object named
// after its type (`image_url: {url, detail}`, `file: {...}`); responses parts are flat and the
// image URL is a plain string. Parts with no responses equivalent stay exactly as they were.

import type { JsonPath, PathSegment } from '../types';
import type { Ctx, Json, JsonObject } from './context';
import { canFlatten, carryUnknown, formatParam, has, isObject } from './context';

/** `input` for user/system/developer/tool content, `output` for assistant content. */
export type PartFlavor = 'input' | 'output';

const TEXT_KNOWN = new Set(['type', 'text', 'prompt_cache_breakpoint']);
const REFUSAL_KNOWN = new Set(['type', 'refusal']);
const IMAGE_KNOWN = new Set(['type', 'image_url', 'prompt_cache_breakpoint']);
const IMAGE_INNER_KNOWN = new Set(['url', 'detail']);
const IMAGE_RESERVED = new Set(['type', 'image_url', 'detail', 'prompt_cache_breakpoint']);
const FILE_KNOWN = new Set(['type', 'file', 'prompt_cache_breakpoint']);
const FILE_INNER_KNOWN = new Set(['file_id', 'file_data', 'filename']);
const FILE_RESERVED = new Set([
  'type',
  'file_id',
  'file_data',
  'filename',
  'prompt_cache_breakpoint',
]);

/** Part types already in the responses form, by flavor: kept as written, not a decision. */
const RESPONSES_TYPES: Record<PartFlavor, ReadonlySet<unknown>> = {
  input: new Set(['input_text', 'input_image', 'input_file']),
  output: new Set(['output_text']),
};

export const ALREADY_RESPONSES =
  'Content parts already in the responses form (input_text, input_image, input_file, output_text) are kept as they are.';

export const NO_AUDIO_INPUT =
  'no equivalent: responses message content has no audio input part; kept as it was';

/** Converts a content array; each part keeps its index. */
export function convertParts(
  ctx: Ctx,
  parts: Json[],
  flavor: PartFlavor,
  outPath: JsonPath,
  inPath: readonly PathSegment[],
): Json[] {
  return parts.map((part, k) => convertPart(ctx, part, flavor, [...outPath, k], [...inPath, k]));
}

function convertPart(
  ctx: Ctx,
  part: Json,
  flavor: PartFlavor,
  out: JsonPath,
  inPath: readonly PathSegment[],
): Json {
  const keepWhole = (reason: string): Json => {
    ctx.keep(out, inPath, reason);
    return part;
  };
  if (!isObject(part)) return keepWhole('not a content part object; kept as it was');
  switch (part.type) {
    case 'text':
      return textPart(ctx, part, flavor, out, inPath);
    case 'refusal': {
      // Same shape in both APIs (valid on assistant messages only, in both).
      const result: JsonObject = { type: 'refusal' };
      if (has(part, 'refusal')) result.refusal = part.refusal as Json;
      carryUnknown(ctx, part, REFUSAL_KNOWN, result, out, inPath);
      return result;
    }
    case 'image_url':
      return imagePart(ctx, part, out, inPath) ?? keepWhole(IMAGE_UNMAPPABLE);
    case 'file':
      return filePart(ctx, part, out, inPath) ?? keepWhole(FILE_UNMAPPABLE);
    case 'input_audio':
      return keepWhole(NO_AUDIO_INPUT);
    default:
      // Written in the target's form already (a line half converted by hand): nothing to decide.
      if (RESPONSES_TYPES[flavor].has(part.type)) {
        ctx.note(ALREADY_RESPONSES);
        return part;
      }
      return keepWhole('unknown content part type; kept as it was');
  }
}

function textPart(
  ctx: Ctx,
  part: JsonObject,
  flavor: PartFlavor,
  out: JsonPath,
  inPath: readonly PathSegment[],
): JsonObject {
  // Assistant turns carry model output, which responses types as output_text; input_text there
  // is rejected.
  const result: JsonObject = { type: flavor === 'output' ? 'output_text' : 'input_text' };
  if (has(part, 'text')) result.text = part.text as Json;
  const breakpoint = ctx.optional(part, 'prompt_cache_breakpoint', inPath);
  if (breakpoint !== undefined) {
    result.prompt_cache_breakpoint = breakpoint;
    if (flavor === 'output') {
      ctx.keep(
        [...out, 'prompt_cache_breakpoint'],
        [...inPath, 'prompt_cache_breakpoint'],
        'no equivalent: responses output_text parts take no cache breakpoint; kept as it was',
      );
    }
  }
  carryUnknown(ctx, part, TEXT_KNOWN, result, out, inPath);
  return result;
}

const IMAGE_UNMAPPABLE =
  'image_url part without a usable url, or with keys that would collide when flattened; kept as it was';

function imagePart(
  ctx: Ctx,
  part: JsonObject,
  out: JsonPath,
  inPath: readonly PathSegment[],
): JsonObject | undefined {
  const image = part.image_url;
  if (typeof image === 'string') {
    // Chat rejects a string here, but the intent is unambiguous and responses wants a string.
    if (!canFlatten([[part, IMAGE_KNOWN]], IMAGE_RESERVED)) return undefined;
    ctx.note(
      `${formatParam(inPath)}: image_url was a plain string (chat expects {url}); used as the input_image URL.`,
    );
    const result: JsonObject = { type: 'input_image', image_url: image };
    breakpoint(ctx, part, result, inPath);
    carryUnknown(ctx, part, IMAGE_KNOWN, result, out, inPath);
    return result;
  }
  if (!isObject(image) || !has(image, 'url')) return undefined;
  if (
    !canFlatten(
      [
        [part, IMAGE_KNOWN],
        [image, IMAGE_INNER_KNOWN],
      ],
      IMAGE_RESERVED,
    )
  )
    return undefined;
  const result: JsonObject = { type: 'input_image', image_url: image.url as Json };
  // `detail` is copied only when given: responses defaults to auto as chat does, so writing it
  // would invent a value.
  const detail = ctx.optional(image, 'detail', [...inPath, 'image_url']);
  if (detail !== undefined) result.detail = detail;
  breakpoint(ctx, part, result, inPath);
  carryUnknown(ctx, part, IMAGE_KNOWN, result, out, inPath);
  carryUnknown(ctx, image, IMAGE_INNER_KNOWN, result, out, [...inPath, 'image_url']);
  return result;
}

const FILE_UNMAPPABLE =
  'file part without a file object, or with keys that would collide when flattened; kept as it was';

function filePart(
  ctx: Ctx,
  part: JsonObject,
  out: JsonPath,
  inPath: readonly PathSegment[],
): JsonObject | undefined {
  const file = part.file;
  if (!isObject(file)) return undefined;
  if (
    !canFlatten(
      [
        [part, FILE_KNOWN],
        [file, FILE_INNER_KNOWN],
      ],
      FILE_RESERVED,
    )
  )
    return undefined;
  const result: JsonObject = { type: 'input_file' };
  for (const key of ['file_id', 'file_data', 'filename']) {
    const value = ctx.optional(file, key, [...inPath, 'file']);
    if (value !== undefined) result[key] = value;
  }
  breakpoint(ctx, part, result, inPath);
  carryUnknown(ctx, part, FILE_KNOWN, result, out, inPath);
  carryUnknown(ctx, file, FILE_INNER_KNOWN, result, out, [...inPath, 'file']);
  return result;
}

/** Input parts take `prompt_cache_breakpoint` under the same name in both APIs. */
function breakpoint(
  ctx: Ctx,
  part: JsonObject,
  result: JsonObject,
  inPath: readonly PathSegment[],
): void {
  const value = ctx.optional(part, 'prompt_cache_breakpoint', inPath);
  if (value !== undefined) result.prompt_cache_breakpoint = value;
}
