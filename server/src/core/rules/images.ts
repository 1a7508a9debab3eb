// Image inputs: data URLs must be `data:image/{png|jpeg|webp|gif};base64,<base64>` whose bytes
// really are that kind of image; http(s) URLs are taken as they are. These mistakes pass batch
// validation and fail every request that carries them, hours later.

import type { Finding, JsonPath } from '../types';
import { formatParam, preview } from '../words';
import { isPlaceholder } from './placeholders';
import type { Visitor } from './walk';
import { isObject } from '../json';

const SUPPORTED_MIME = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];
/** The API's own limit in its error text ("below 20 MB"). */
const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
/** Images per request in the current vision guide (older copies said 500). */
const MAX_IMAGES_PER_REQUEST = 1500;
const EXAMPLE = "'data:image/png;base64,aW1nIGJ5dGVzIGhlcmU='";
const UNSUPPORTED_IMAGE =
  "You uploaded an unsupported image. Please make sure your image is below 20 MB in size and is of one the following formats: ['png', 'jpeg', 'gif', 'webp'].";
/** Any character base64 does not use; searched from an offset, so a 100 KB value is never copied. */
const NOT_BASE64 = /[^A-Za-z0-9+/=]/g;

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
    /^data:[^,]*,\s*(\.\.\.|…|<[^>]*>|\{[^}]*\}|YOUR_[A-Z_]*)\s*$/i.test(url)
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
      message: `${expected} unsupported MIME type '${mime}'.`,
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
  const dataLength = url.length - comma - 1;
  if (dataLength === 0) {
    return {
      code: 'invalid_value',
      severity: 'error',
      message: `${expected} empty base64-encoded bytes.`,
      ...at,
    };
  }
  if (dataLength % 4 === 1 || !isBase64(url, comma + 1)) {
    return {
      code: 'invalid_value',
      severity: 'error',
      message: `${expected} an invalid base64-encoded value.`,
      ...at,
    };
  }
  const bytes = Math.floor((dataLength * 3) / 4);
  if (bytes > MAX_IMAGE_BYTES) {
    return { code: 'invalid_image_format', severity: 'error', message: UNSUPPORTED_IMAGE, ...at };
  }
  const actual = sniffImage(Buffer.from(url.slice(comma + 1, comma + 25), 'base64'));
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
      message: `The data URL says '${mime}' but its bytes are ${actual.slice(6).toUpperCase()}. Declare the type the bytes have.`,
      ...at,
      fix: { id: 'set-image-mime', path, mime: actual },
    };
  }
  return undefined;
}

/**
 * Whether url[from…] is base64: only its alphabet, with '=' padding (at most two) at the very
 * end. Every character is looked at, because one bad character fails the request; the scan is a
 * single native regex pass, the fastest whole-string check JavaScript offers.
 */
function isBase64(url: string, from: number): boolean {
  NOT_BASE64.lastIndex = from;
  if (NOT_BASE64.test(url)) return false;
  const pad = url.indexOf('=', from);
  return (
    pad < 0 || (pad >= url.length - 2 && (pad === url.length - 1 || url[url.length - 1] === '='))
  );
}

/** The MIME type the first bytes of an image announce, if any of the four the API takes. */
export function sniffImage(head: Buffer): string | undefined {
  if (head.length >= 8 && head.readUInt32BE(0) === 0x89504e47) return 'image/png';
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff)
    return 'image/jpeg';
  if (head.length >= 6 && /^GIF8[79]a$/.test(head.toString('latin1', 0, 6))) return 'image/gif';
  if (
    head.length >= 12 &&
    head.toString('latin1', 0, 4) === 'RIFF' &&
    head.toString('latin1', 8, 12) === 'WEBP'
  )
    return 'image/webp';
  return undefined;
}
