// Image tokens against the vision guide's own worked examples, and dimensions read from data URLs.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dataUrlDimensions, imageTokens } from '../../server/src/core/models/image-tokens';
import { ModelCatalogue } from '../../server/src/core/models/catalogue';
import { pngDataUrl } from './png';

const formula = (model: string) => ModelCatalogue.builtIn().resolve(model)!.facts.imageTokens!;

test('tile models: the guide examples for gpt-4o (765 and 1105 at high, 85 at low)', () => {
  assert.equal(imageTokens(formula('gpt-4o'), { width: 1024, height: 1024 }, 'high'), 765);
  assert.equal(imageTokens(formula('gpt-4o'), { width: 2048, height: 4096 }, 'high'), 1105);
  assert.equal(imageTokens(formula('gpt-4o'), { width: 4096, height: 8192 }, 'low'), 85);
  // auto is counted as high, the larger figure.
  assert.equal(imageTokens(formula('gpt-4o'), { width: 1024, height: 1024 }, 'auto'), 765);
  // Dated snapshots and fine-tunes inherit the formula.
  assert.equal(
    imageTokens(formula('gpt-4o-2024-08-06'), { width: 1024, height: 1024 }, 'high'),
    765,
  );
});

test('patch models: 1024×1024 is 1,024 patches, 1800×2400 is 1,452, each times the multiplier', () => {
  assert.equal(
    imageTokens(formula('gpt-4.1-mini'), { width: 1024, height: 1024 }, 'high'),
    Math.ceil(1024 * 1.62),
  );
  assert.equal(
    imageTokens(formula('gpt-4.1-mini'), { width: 1800, height: 2400 }, 'high'),
    Math.ceil(1452 * 1.62),
  );
  assert.equal(
    imageTokens(formula('o4-mini'), { width: 1800, height: 2400 }, 'low'),
    Math.ceil(1452 * 1.72),
  );
  // Past 1,536 patches the image is scaled to whole patches: 20000² becomes 1248² = 39×39 = 1,521.
  assert.equal(
    imageTokens(formula('gpt-5-nano'), { width: 20000, height: 20000 }, 'high'),
    Math.ceil(1521 * 2.46),
  );
});

test('dimensions come from data URLs only; anything else is unknown, never guessed', () => {
  assert.deepEqual(dataUrlDimensions(pngDataUrl(1800, 2400)), { width: 1800, height: 2400 });
  assert.equal(dataUrlDimensions('https://example.com/cat.png'), undefined);
  assert.equal(dataUrlDimensions('data:image/png;base64,AAAA'), undefined);
  assert.equal(dataUrlDimensions('data:image/png;base64,'), undefined);
  assert.equal(dataUrlDimensions('data:text/plain;base64,aGk='), undefined);
});
