// The body rules that a schema cannot say: images, placeholders, JSON mode, streaming, tool
// choice, model-specific refusals. Each rule is its own file; this only runs them in order.

import type { Endpoint, Finding } from '../types';
import { checkStreaming } from './streaming';
import { checkImages } from './images';
import { checkTextPlaceholders } from './placeholders';
import { checkJsonWord } from './json-mode';
import { checkToolChoice } from './tool-choice';
import { checkReasoningModel } from './reasoning-models';

export function checkBodyRules(endpoint: Endpoint, body: Record<string, unknown>): Finding[] {
  return [
    ...checkStreaming(endpoint, body),
    ...checkImages(body),
    ...checkTextPlaceholders(body),
    ...checkJsonWord(endpoint, body),
    ...checkToolChoice(endpoint, body),
    ...checkReasoningModel(endpoint, body),
  ];
}
