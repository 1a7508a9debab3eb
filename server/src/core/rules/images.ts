// Image inputs: data URLs must be `data:image/{png|jpeg|webp|gif};base64,<base64>` whose bytes
// really are that kind of image; http(s) URLs are taken as they are. These mistakes pass batch
// validation and fail every request that carries them, hours later.

import type { Finding, JsonPath } from '../types';
import { formatParam, preview, elide } from '../words';
import { isPlaceholder } from './placeholders';
import type { Visitor } from './walk';
import { isObject } from '../json';
import { base64Scratch, latin1 } from '../bytes';

const SUPPORTED_MIME = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];
/** The API's own limit in its error text ("below 20 MB"). */
const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
/** Images per request in the current vision guide (older copies said 500). */
const MAX_IMAGES_PER_REQUEST = 1500;
const EXAMPLE = "'data:image/png;base64,aW1nIGJ5dGVzIGhlcmU='";
const UNSUPPORTED_IMAGE =
  "You uploaded an unsupported image. Please make sure your image is below 20 MB in size and is of one the following formats: ['png', 'jpeg', 'gif', 'webp'].";

export interface ImageRef {
  url: string;
  /** Path of the URL string from the line root. */
  path: JsonPath;
}

/**
 * A walk visitor that collects image URLs: chat `image_url.url`, responses `input_image.image_url`,
 * moderation parts. It skips the inside of an image part (nothing else to find there).
 */
export function collectImages(found: ImageRef[]): NonNullable<Visitor['object']> {
  return (part, path) => {
    if (part.type !== 'image_url' && part.type !== 'input_image') return false;
    const image = part.image_url;
    if (typeof image === 'string') found.push({ url: image, path: [...path, 'image_url'] });
    else if (isObject(image) && typeof image.url === 'string')
      found.push({ url: image.url, path: [...path, 'image_url', 'url'] });
    else if (typeof part.url === 'string') found.push({ url: part.url, path: [...path, 'url'] });
    return true;
  };
}

/** Findings for the images of one request. */
export function checkImageRefs(images: readonly ImageRef[]): Finding[] {
  const findings: Finding[] = [];
  for (const image of images) {
    const finding = checkImageUrl(image);
    if (finding) findings.push(finding);
  }
  if (images.length > MAX_IMAGES_PER_REQUEST) {
    const last = images[MAX_IMAGES_PER_REQUEST]!;
    findings.push({
      code: 'too_many_images',
      severity: 'error',
      message: `This request has ${images.length} images; a request may carry at most ${MAX_IMAGES_PER_REQUEST}.`,
      param: formatParam(last.path.slice(1)),
      path: last.path,
      anchor: 'value',
    });
  }
  return findings;
}

function checkImageUrl({ url, path }: ImageRef): Finding | undefined {
  const param = formatParam(path.slice(1));
  const at = { param, path, anchor: 'value' as const };
  if (/^https?:\/\//i.test(url)) return undefined;
  if (
    isPlaceholder(url) ||
    /^data:[^,]*,\s*(\.\.\.|\u2026|<[^>]*>|\{[^}]*\}|YOUR_[A-Z_]*)\s*$/i.test(url)
  ) {
    return {
      code: 'placeholder_value',
      severity: 'error',
      message: `'${param}' holds a placeholder (${preview(url, 40)}), not an image: every request with it will fail. Put a real http(s) URL or base64 data URL here.`,
      ...at,
    };
  }
  if (!url.startsWith('data:')) {
    return {
      code: 'invalid_value',
      severity: 'error',
      message: `Invalid '${param}'. Expected an http(s) URL or a base64-encoded data URL with an image MIME type (e.g. ${EXAMPLE}), but got '${preview(url, 40)}'.`,
      ...at,
    };
  }
  const comma = url.indexOf(',');
  const header = comma < 0 ? url.slice(5) : url.slice(5, comma);
  const mime = header.split(';')[0]!.toLowerCase();
  const expected = `Invalid '${param}'. Expected a base64-encoded data URL with an image MIME type (e.g. ${EXAMPLE}), but got`;
  if (!SUPPORTED_MIME.includes(mime)) {
    return {
      code: 'invalid_value',
      severity: 'error',
      message: `${expected} unsupported MIME type '${elide(mime)}'.`,
      ...at,
    };
  }
  if (comma < 0 || !header.split(';').slice(1).includes('base64')) {
    return {
      code: 'invalid_value',
      severity: 'error',
      message: `${expected} a value without the ';base64' separator.`,
      ...at,
    };
  }
  if (comma === url.length - 1) {
    return {
      code: 'invalid_value',
      severity: 'error',
      message: `${expected} empty base64-encoded bytes.`,
      ...at,
    };
  }
  const bytes = decodeBase64(url, comma + 1);
  if (!bytes) {
    return {
      code: 'invalid_value',
      severity: 'error',
      message: `${expected} an invalid base64-encoded value.`,
      ...at,
    };
  }
  if (bytes.length > MAX_IMAGE_BYTES) {
    return { code: 'invalid_image_format', severity: 'error', message: UNSUPPORTED_IMAGE, ...at };
  }
  const actual = sniffImage(bytes.head);
  if (actual === undefined) {
    return {
      code: 'invalid_image_format',
      severity: 'error',
      message: `${UNSUPPORTED_IMAGE} (The bytes are not a PNG, JPEG, GIF or WEBP image.)`,
      ...at,
    };
  }
  if (actual !== mime) {
    return {
      code: 'image_type_mismatch',
      severity: 'error',
      message: `The data URL says '${elide(mime)}' but its bytes are ${actual.slice(6).toUpperCase()}. Declare the type the bytes have.`,
      ...at,
      fix: { id: 'set-image-mime', path, mime: actual },
    };
  }
  return undefined;
}

/** What checking needs of a data URL's bytes: how many there are, and the first of them. */
export interface DecodedBytes {
  length: number;
  /** The first bytes (at least the 12 a file signature needs, when there are that many). */
  head: Uint8Array;
}

/** Base64 characters decoded at a time (a multiple of 4): a 100 MB URL costs 48 KB at a time. */
const PIECE = 48 * 1024;

/**
 * Decodes url[from…] if it is strict base64 (only its alphabet, '=' padding at the very end),
 * else undefined. Every character counts, because one bad character fails the request. Node's
 * native decoder is many times faster than any scan in JavaScript, but forgiving: it skips
 * characters outside the alphabet, stops at '=' and also takes base64url's '-' and '_'. So a
 * skipped or early-stopped character shows as a decoded length short of what the text's length
 * promises (the arithmetic is exact once padded text is a multiple of four long and no other
 * text is 4k+1 long), and '-' and '_' are looked for on their own. The text is decoded in pieces
 * of PIECE characters (each but the last a whole number of groups of four, with no padding), so
 * the memory it takes stays small however large the image.
 */
export function decodeBase64(
  url: string,
  from: number,
  decode: (text: string) => Uint8Array | undefined = base64Scratch,
): DecodedBytes | undefined {
  const length = url.length - from;
  if (length % 4 === 1 || url.indexOf('-', from) >= 0 || url.indexOf('_', from) >= 0)
    return undefined;
  const padding = url.endsWith('==') ? 2 : url.endsWith('=') ? 1 : 0;
  // Padding only ever completes a last group of four.
  if (padding > 0 && length % 4 !== 0) return undefined;
  let head: Uint8Array | undefined;
  let total = 0;
  for (let at = from; at < url.length; at += PIECE) {
    const end = Math.min(at + PIECE, url.length);
    const bytes = decode(url.slice(at, end));
    const pieceLength = end - at;
    const last = end === url.length;
    const promised = Math.floor((pieceLength * 3) / 4) - (last ? padding : 0);
    if (bytes?.length !== promised) return undefined;
    // A copy: the decoder may hand out the same buffer for every piece.
    head ??= new Uint8Array(bytes.subarray(0, 16));
    total += bytes.length;
  }
  return { length: total, head: head ?? new Uint8Array(0) };
}

/** The MIME type the first bytes of an image announce, if any of the four the API takes. */
export function sniffImage(head: Uint8Array): string | undefined {
  if (head.length >= 8 && latin1(head, 0, 4) === '\x89PNG') return 'image/png';
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff)
    return 'image/jpeg';
  if (head.length >= 6 && /^GIF8[79]a$/.test(latin1(head, 0, 6))) return 'image/gif';
  if (head.length >= 12 && latin1(head, 0, 4) === 'RIFF' && latin1(head, 8, 12) === 'WEBP')
    return 'image/webp';
  return undefined;
}
