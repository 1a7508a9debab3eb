// The body rules that a schema cannot say: images, placeholders, JSON mode, streaming, tool
// choice, model-specific refusals. Each rule is its own file; this only runs them in order.

import type { Endpoint, Finding } from '../types';
import { checkStreaming } from './streaming';
import { checkImageRefs, collectImages } from './images';
import type { ImageRef } from './images';
import { collectTextPlaceholders } from './placeholders';
import { walk } from './walk';
import { checkJsonWord } from './json-mode';
import { checkToolChoice } from './tool-choice';
import { checkReasoningModel } from './reasoning-models';

const RULES: readonly ((endpoint: Endpoint, body: Record<string, unknown>) => Finding[])[] = [
  checkStreaming,
  (_endpoint, body) => checkContent(body),
  checkJsonWord,
  checkToolChoice,
  checkReasoningModel,
];

export function checkBodyRules(endpoint: Endpoint, body: Record<string, unknown>): Finding[] {
  let findings: Finding[] | undefined;
  for (const rule of RULES) {
    const found = rule(endpoint, body);
    if (found.length > 0) (findings ??= []).push(...found);
  }
  return findings ?? NONE;
}

const NONE: Finding[] = [];

/** Images and placeholders, found in one walk over the body (this runs on every line). */
function checkContent(body: Record<string, unknown>): Finding[] {
  const images: ImageRef[] = [];
  const placeholders: Finding[] = [];
  walk(body, ['body'], {
    object: collectImages(images),
    string: collectTextPlaceholders(placeholders),
  });
  if (images.length === 0) return placeholders;
  return [...checkImageRefs(images), ...placeholders];
}
