// A Messages request whose model is not a Claude model: a chat line rewritten for Anthropic by
// hand, or by `convert --to anthropic`, which keeps the model and reports it as a decision (the
// same test, dialects/model-kind.ts, so the two agree). Anthropic's Message Batches run Claude
// models, whose ids all start with `claude-`. The API's words for another model are not
// recorded, so the message is ours: a warning when the name is known to be another provider's,
// info when the name tells nothing (a proxy in between may map it). A name of white space only
// is an error, blank_model, as on OpenAI lines.

import type { DialectRule } from './rule';
import { NONE } from './rule';
import { modelKind } from '../dialects/model-kind';
import type { ModelKind } from '../dialects/model-kind';
import { elide } from '../words';

const WHOSE: Record<Exclude<ModelKind, 'anthropic'>, string> = {
  openai: 'an OpenAI model',
  gemini: "one of Google's Gemini models",
  mistral: "one of Mistral's models",
  fireworks: 'a Fireworks model path',
  'open-weight': 'an open-weight model',
};

export const rule: DialectRule = {
  scope: 'dialect',
  dialects: ['anthropic'],
  check(body, dialect) {
    const model = body.model;
    // Not a string, or empty: the schema says what is wrong with it, in Anthropic's words.
    if (typeof model !== 'string' || model === '') return NONE;
    if (model.trim() === '') {
      // Blank, as blank-model.ts says of OpenAI lines: no model runs under it.
      return [
        {
          code: 'blank_model',
          severity: 'error',
          message:
            "batchlint: 'model' is only whitespace, which names no model. Anthropic's Message Batches need one: name a Claude model (claude-…).",
          param: 'model',
          path: [dialect.envelope.body, 'model'],
          anchor: 'value',
        },
      ];
    }
    const kind = modelKind(model);
    if (kind === 'anthropic') return NONE;
    const name = `'${elide(model)}'`;
    return [
      {
        code: 'model_not_on_endpoint',
        severity: kind === undefined ? 'info' : 'warning',
        message: `batchlint: ${kind === undefined ? `${name} is not a Claude model name` : `${name} is ${WHOSE[kind]}`}; Anthropic's Message Batches run Claude models (claude-…): name one.`,
        param: 'model',
        path: [dialect.envelope.body, 'model'],
        anchor: 'value',
      },
    ];
  },
};
