// Images and placeholders anywhere in a body, found in one walk (this runs on every line): image
// URLs that are not usable images (images.ts), text that is a placeholder (placeholders.ts).

import type { Finding } from '../types';
import type { BodyRule } from './rule';
import type { ImageRef } from './images';
import { checkImageRefs, collectImages } from './images';
import { collectTextPlaceholders } from './placeholders';
import { walk } from './walk';
import { SCHEMA_ENDPOINTS } from './scopes';

export const rule: BodyRule = {
  scope: 'body',
  endpoints: SCHEMA_ENDPOINTS,
  check(body) {
    const images: ImageRef[] = [];
    const placeholders: Finding[] = [];
    walk(body, ['body'], {
      object: collectImages(images),
      string: collectTextPlaceholders(placeholders),
    });
    if (images.length === 0) return placeholders;
    return [...checkImageRefs(images), ...placeholders];
  },
};
