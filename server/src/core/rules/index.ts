// The body rules that a schema cannot say: images, placeholders, JSON mode, streaming, tool
// choice, model-specific refusals. Each rule is its own file; this only runs them in order.

import type { Endpoint, Finding } from '../types';
import { checkStreaming } from './streaming';
import { checkImages } from './images';
import { checkTextPlaceholders } from './placeholders';
import { checkJsonWord } from './json-mode';
import { checkToolChoice } from './tool-choice';
import { checkReasoningModel } from './reasoning-models';

const RULES: readonly ((endpoint: Endpoint, body: Record<string, unknown>) => Finding[])[] = [
  checkStreaming,
  (_endpoint, body) => checkImages(body),
  (_endpoint, body) => checkTextPlaceholders(body),
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
