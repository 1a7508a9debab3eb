// The moderation models take at most one image per request; the API refuses more with
// "Number of images (2) exceeds maximum of 1" (code too_many_images, param input).

import type { Finding } from '../types';
import type { BodyRule } from './rule';
import { NONE } from './rule';
import { isObject } from '../json';

const MAX_MODERATION_IMAGES = 1;

export const rule: BodyRule = {
  scope: 'body',
  endpoints: ['/v1/moderations'],
  check(body) {
    if (!Array.isArray(body.input)) return NONE;
    const images: number[] = [];
    body.input.forEach((item: unknown, i: number) => {
      if (isObject(item) && item.type === 'image_url') images.push(i);
    });
    if (images.length <= MAX_MODERATION_IMAGES) return NONE;
    const finding: Finding = {
      code: 'too_many_images',
      severity: 'error',
      message: `Number of images (${images.length}) exceeds maximum of ${MAX_MODERATION_IMAGES}`,
      param: 'input',
      path: ['body', 'input', images[MAX_MODERATION_IMAGES]!],
      anchor: 'value',
    };
    return [finding];
  },
};
