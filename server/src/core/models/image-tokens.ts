// Image input tokens by OpenAI's published formulas (vision guide, "Calculating costs",
// https://platform.openai.com/docs/guides/images-vision): tile models bill a base plus a price per
// 512-px tile of the scaled image; patch models bill 32-px patches (at most 1,536) times a
// multiplier. Which formula and which figures apply is the model table's `imageTokens`.
// Dimensions come from the image's own header (image-size), so only data URLs can be measured.

import { imageSize } from 'image-size';
import type { ImageTokens } from './types';
import { base64Bytes } from '../bytes';

/** Width and height in pixels. */
export interface Dimensions {
  width: number;
  height: number;
}

const DATA_URL = /^data:image\/[\w.+-]+;base64,/i;

/**
 * The dimensions of an image given as a `data:image/…;base64,` URL, or undefined when the URL is
 * not one (an http(s) URL or a file id cannot be read offline) or its bytes are not an image.
 */
export function dataUrlDimensions(url: string): Dimensions | undefined {
  const head = DATA_URL.exec(url);
  if (!head) return undefined;
  const start = head[0].length;
  // The size is in the header: most formats need only its first bytes, so those are tried first
  // (a JPEG with a large EXIF block before its frame header needs the rest).
  return (
    (url.length - start > PREFIX && readSize(url.slice(start, start + PREFIX))) ||
    readSize(url.slice(start))
  );
}

/** Base64 characters decoded first (48 KB of image). A multiple of 4. */
const PREFIX = 65_536;

function readSize(base64: string): Dimensions | undefined {
  try {
    const bytes = base64Bytes(base64);
    if (!bytes) return undefined;
    const size = imageSize(bytes);
    if (!size.width || !size.height) return undefined;
    // EXIF orientations 5-8 turn the picture a quarter: the model sees it upright.
    return size.orientation !== undefined && size.orientation >= 5
      ? { width: size.height, height: size.width }
      : { width: size.width, height: size.height };
  } catch {
    return undefined;
  }
}

/**
 * Input tokens of one image of `size` at `detail` (`low`, `high`, or `auto`, which is counted as
 * `high`: the larger of the two) by the model's formula. Whole tokens, rounded up.
 */
export function imageTokens(formula: ImageTokens, size: Dimensions, detail: unknown): number {
  if (formula.kind === 'tile') {
    if (detail === 'low') return formula.base;
    return formula.base + formula.tile * tileCount(size);
  }
  return Math.ceil(patchCount(size) * formula.multiplier);
}

/** 512-px tiles after fitting in 2048×2048 and scaling the shortest side down to 768. */
function tileCount({ width, height }: Dimensions): number {
  let w = width;
  let h = height;
  if (w > 2048 || h > 2048) {
    const fit = 2048 / Math.max(w, h);
    w *= fit;
    h *= fit;
  }
  const shortest = Math.min(w, h);
  if (shortest > 768) {
    w *= 768 / shortest;
    h *= 768 / shortest;
  }
  return Math.ceil(w / 512) * Math.ceil(h / 512);
}

const PATCH = 32;
const MAX_PATCHES = 1536;

/** 32-px patches, the image scaled down (whole patches per side) when it would need over 1,536. */
function patchCount({ width, height }: Dimensions): number {
  const raw = Math.ceil(width / PATCH) * Math.ceil(height / PATCH);
  if (raw <= MAX_PATCHES) return raw;
  let r = Math.sqrt((PATCH * PATCH * MAX_PATCHES) / (width * height));
  const across = (width * r) / PATCH;
  const down = (height * r) / PATCH;
  r *= Math.min(Math.floor(across) / across, Math.floor(down) / down);
  const patches = Math.ceil((width * r) / PATCH) * Math.ceil((height * r) / PATCH);
  return Math.min(patches, MAX_PATCHES);
}
