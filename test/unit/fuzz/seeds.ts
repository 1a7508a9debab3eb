// Starting points for the fuzzer: the valid fixtures of every endpoint, the seed mistakes of
// examples/ (they carry fixes, so the fix paths get exercised), and lines for the endpoints the
// fixtures do not cover.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// Compiled tests run from out/test/unit/fuzz; the fixtures stay in the source tree.
const repo = path.resolve(__dirname, '../../../..');

const PNG_1PX =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

const own = (url: string, body: unknown, id: string): string =>
  JSON.stringify({ custom_id: id, method: 'POST', url, body });

const OWN_LINES = [
  own(
    '/v1/chat/completions',
    {
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'Answer in JSON.' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is in this image?' },
            { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG_1PX}` } },
          ],
        },
      ],
      response_format: { type: 'json_object' },
      tools: [{ type: 'function', function: { name: 'f', parameters: { type: 'object' } } }],
      tool_choice: { type: 'function', function: { name: 'f' } },
      max_completion_tokens: 300,
      temperature: 0.5,
    },
    'own-chat',
  ),
  own(
    '/v1/responses',
    {
      model: 'gpt-4.1-mini',
      input: [
        {
          role: 'user',
          content: [
            { type: 'input_text', text: 'Describe it.' },
            { type: 'input_image', image_url: `data:image/png;base64,${PNG_1PX}` },
          ],
        },
      ],
      text: { format: { type: 'json_schema', name: 'x', schema: { type: 'object' } } },
    },
    'own-responses',
  ),
  own('/v1/images/generations', { model: 'gpt-image-1', prompt: 'A red fox.' }, 'own-img-gen'),
  own(
    '/v1/images/edits',
    { model: 'gpt-image-1', prompt: 'Add a hat.', images: [{ file_id: 'file-1' }] },
    'own-img-edit',
  ),
  own('/v1/videos', { model: 'sora-2', prompt: 'Waves at dusk.' }, 'own-video'),
  own('/v1/embeddings', { model: 'text-embedding-3-small', input: ['a', 'b'] }, 'own-emb'),
];

function jsonlLines(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l.trim() !== '');
}

export function seedLines(): string[] {
  const lines = [...OWN_LINES];
  const valid = path.join(repo, 'test/fixtures/valid');
  if (existsSync(valid)) {
    for (const name of readdirSync(valid).sort())
      if (name.endsWith('.jsonl')) lines.push(...jsonlLines(path.join(valid, name)));
  }
  for (const name of ['chat-input-image', 'chat-image-url-string', 'responses-messages']) {
    const file = path.join(repo, 'examples', `${name}.jsonl`);
    if (existsSync(file)) lines.push(...jsonlLines(file));
  }
  return lines;
}

/** The pretty-printed seed mistake: a multi-line document, for the document-level fuzzing. */
export function seedDocuments(): string[] {
  const file = path.join(repo, 'examples', 'pretty-printed.jsonl');
  return existsSync(file) ? [readFileSync(file, 'utf8')] : [];
}
