// A fix repairs before it removes: where a key is written at the wrong place (an image URL beside
// its part instead of inside image_url, a typo of a known key), the repair that keeps it comes
// first and is the safe one; the removal comes last and says what it drops.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, checkText, fixesFor } from '../../server/src/core';
import { chatUser, responses } from './builders';

const DATA_URL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUg==';

function fixesOf(text: string, code: string, param: string) {
  const problem = checkText(text).problems.find((p) => p.code === code && p.param === param);
  assert.ok(problem, `${code} on ${param}`);
  return fixesFor(problem, () => text);
}

const apply = (text: string, fix: { edits: Parameters<typeof applyEdits>[1] }): string =>
  applyEdits([text], fix.edits).join('\n');

for (const [what, part, image] of [
  ['url beside the part', { type: 'image_url', url: DATA_URL }, { url: DATA_URL }],
  [
    'url and detail beside the part',
    { type: 'image_url', url: DATA_URL, detail: 'low' },
    { url: DATA_URL, detail: 'low' },
  ],
] as const) {
  test(`chat image part with its ${what}: moved into image_url before any removal`, () => {
    const text = chatUser([{ type: 'text', text: 'What is it?' }, part]);
    for (const [code, param] of [
      ['missing_required_parameter', 'messages[0].content[1].image_url'],
      ['unknown_parameter', 'messages[0].content[1].url'],
    ]) {
      const fixes = fixesOf(text, code, param);
      assert.match(fixes[0]!.title, /^Move 'url'.* into 'image_url'/);
      assert.equal(fixes[0]!.safe, true, 'the repair is the preferred, safe fix');
      const fixed = apply(text, fixes[0]!);
      assert.deepEqual(JSON.parse(fixed).body.messages[0].content[1], {
        type: 'image_url',
        image_url: image,
      });
      assert.equal(checkText(fixed).summary.errors, 0, fixed);
      const removals = fixes.filter((f) => f.title.startsWith('Remove'));
      for (const removal of removals) {
        assert.equal(fixes.indexOf(removal), fixes.length - 1, 'removals come last');
        assert.equal(removal.safe, false);
        assert.match(removal.title, /\(drops "data:image\/png;base64,/);
      }
    }
  });
}

test('a misspelt key is renamed to the one key it is close to before it is removed', () => {
  const text = responses({ input: 'Hi', temprature: 0.5 });
  const fixes = fixesOf(text, 'unknown_parameter', 'temprature');
  assert.deepEqual(
    fixes.map((f) => [f.title, f.safe]),
    [
      ["Rename 'temprature' to 'temperature'", true],
      ["Remove 'temprature' (drops 0.5)", false],
    ],
  );
  assert.equal(JSON.parse(apply(text, fixes[0]!)).body.temperature, 0.5);
});

test('no repair is guessed when none is unambiguous: only the removal, saying what it drops', () => {
  const text = responses({ input: 'Hi', colour: 'blue' });
  const fixes = fixesOf(text, 'unknown_parameter', 'colour');
  assert.deepEqual(
    fixes.map((f) => f.title),
    ['Remove \'colour\' (drops "blue")'],
  );
});
