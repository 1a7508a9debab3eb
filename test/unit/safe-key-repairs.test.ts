// A key the chat body does not take is repaired unattended only when the repair cannot change
// what the request means: a misspelling beyond doubt renamed, or a key moved into the object
// that declares it when that object is already there. A near miss that may be another parameter
// (k → n, top_k → top_p), or an object created around a lone key (format → audio.format), is
// offered for a decision and left alone by `batchlint fix`; so is a repair after which the request
// has a problem it did not have.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText, fixesFor, fixLine } from '../../server/src/core';
import { chat } from './builders';
import type { Json } from './builders';

const HI = [{ role: 'user', content: 'Hi' }];

interface Row {
  name: string;
  body: Json;
  /** Each problem: code, message, and its fixes as [title, safe]. */
  problems: [string, string, [string, boolean][]][];
  /** The body after `batchlint fix`'s line fixes; absent: the line is left as it was. */
  fixed?: Json;
}

const unknown = (key: string, hint = ''): [string, string] => [
  'unknown_parameter',
  `Unknown parameter: '${key}'.${hint}`,
];

const ROWS: Row[] = [
  {
    name: 'a one-letter key is not steered to n',
    body: { k: 2 },
    problems: [[...unknown('k'), [["Remove 'k' (drops 2)", false]]]],
  },
  {
    name: 'nor is x',
    body: { x: 1 },
    problems: [[...unknown('x'), [["Remove 'x' (drops 1)", false]]]],
  },
  {
    name: "top_k (other APIs' parameter) is one letter from top_p: offered, not made",
    body: { top_k: 40 },
    problems: [
      [
        ...unknown('top_k', " Did you mean 'top_p'?"),
        [
          ["Rename 'top_k' to 'top_p'", false],
          ["Remove 'top_k' (drops 40)", false],
        ],
      ],
    ],
  },
  {
    name: 'a lone format is not wrapped in a new audio object unattended',
    body: { format: 'json' },
    problems: [
      [
        ...unknown('format'),
        [
          ["Move 'format' into 'audio': {\"format\": …}", false],
          ['Remove \'format\' (drops "json")', false],
        ],
      ],
    ],
  },
  {
    name: 'nor a lone type in a new prediction object',
    body: { type: 'json_object' },
    problems: [
      [
        ...unknown('type'),
        [
          ["Move 'type' into 'prediction': {\"type\": …}", false],
          ['Remove \'type\' (drops "json_object")', false],
        ],
      ],
    ],
  },
  {
    name: 'nor a lone voice in a new audio object',
    body: { voice: 'alloy' },
    problems: [
      [
        ...unknown('voice'),
        [
          ["Move 'voice' into 'audio': {\"voice\": …}", false],
          ['Remove \'voice\' (drops "alloy")', false],
        ],
      ],
    ],
  },
  {
    name: 'a letter missing from a long key is a misspelling: renamed',
    body: { temprature: 0.5 },
    problems: [
      [
        ...unknown('temprature', " Did you mean 'temperature'?"),
        [
          ["Rename 'temprature' to 'temperature'", true],
          ["Remove 'temprature' (drops 0.5)", false],
        ],
      ],
    ],
    fixed: { temperature: 0.5 },
  },
  {
    name: 'camelCase of a known key: renamed',
    body: { maxTokens: 50 },
    problems: [
      [
        ...unknown('maxTokens', " Did you mean 'max_tokens'?"),
        [
          ["Rename 'maxTokens' to 'max_tokens'", true],
          ["Remove 'maxTokens' (drops 50)", false],
        ],
      ],
    ],
    fixed: { max_tokens: 50 },
  },
  {
    name: 'hyphens for underscores: renamed',
    body: { 'max-tokens': 50 },
    problems: [
      [
        ...unknown('max-tokens', " Did you mean 'max_tokens'?"),
        [
          ["Rename 'max-tokens' to 'max_tokens'", true],
          ["Remove 'max-tokens' (drops 50)", false],
        ],
      ],
    ],
    fixed: { max_tokens: 50 },
  },
  {
    name: 'format beside an audio object that is there: moved into it',
    body: { modalities: ['text', 'audio'], audio: { voice: 'alloy' }, format: 'wav' },
    problems: [
      ['missing_required_parameter', "Missing required parameter: 'audio.format'.", []],
      [
        ...unknown('format'),
        [
          ["Move 'format' into 'audio'", true],
          ['Remove \'format\' (drops "wav")', false],
        ],
      ],
    ],
    fixed: { modalities: ['text', 'audio'], audio: { voice: 'alloy', format: 'wav' } },
  },
  {
    name: 'a move after which the value is refused is not made',
    body: { modalities: ['text', 'audio'], audio: { voice: 'alloy' }, format: 'json' },
    problems: [
      ['missing_required_parameter', "Missing required parameter: 'audio.format'.", []],
      [
        ...unknown('format'),
        [
          ["Move 'format' into 'audio'", false],
          ['Remove \'format\' (drops "json")', false],
        ],
      ],
    ],
  },
  {
    name: 'a rename after which the value is out of range is not made',
    body: { temprature: 5 },
    problems: [
      [
        ...unknown('temprature', " Did you mean 'temperature'?"),
        [
          ["Rename 'temprature' to 'temperature'", false],
          ["Remove 'temprature' (drops 5)", false],
        ],
      ],
    ],
  },
  {
    name: 'two keys that would both become temperature: neither is renamed',
    body: { Temperature: 0.5, temprature: 0.7 },
    problems: [
      [
        ...unknown('Temperature', " Did you mean 'temperature'?"),
        [
          ["Rename 'Temperature' to 'temperature'", false],
          ["Remove 'Temperature' (drops 0.5)", false],
        ],
      ],
      [
        ...unknown('temprature', " Did you mean 'temperature'?"),
        [
          ["Rename 'temprature' to 'temperature'", false],
          ["Remove 'temprature' (drops 0.7)", false],
        ],
      ],
    ],
  },
];

for (const row of ROWS) {
  test(`chat body + ${JSON.stringify(row.body)}: ${row.name}`, () => {
    const text = chat({ messages: HI, ...row.body });
    const problems = checkText(text).problems.map((p) => [
      p.code,
      p.message,
      fixesFor(p, () => text).map((f) => [f.title, f.safe]),
    ]);
    assert.deepEqual(problems, row.problems);
    const fixed = fixLine(text).text;
    if (row.fixed === undefined) assert.equal(fixed, text);
    else assert.equal(fixed, chat({ messages: HI, ...row.fixed }));
  });
}

test('a rename to a parameter the model refuses is not made', () => {
  // o3-mini takes temperature only at its default: the typo's value would be refused.
  const text = chat({ model: 'o3-mini', messages: HI, temprature: 0.5 });
  const problem = checkText(text).problems.find((p) => p.code === 'unknown_parameter');
  assert.ok(problem);
  assert.deepEqual(
    fixesFor(problem, () => text).map((f) => [f.title, f.safe]),
    [
      ["Rename 'temprature' to 'temperature'", false],
      ["Remove 'temprature' (drops 0.5)", false],
    ],
  );
  assert.equal(fixLine(text).text, text);
});
