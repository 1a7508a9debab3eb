// Deterministic bench inputs: a 50,000-line text-only chat file and a ~200 MB file of image
// requests. Seeded so two runs (and two machines) measure the same bytes.
import { openSync, writeSync, closeSync } from 'node:fs';

/** xorshift32: tiny, fast and seedable; quality is ample for picking words. */
export function prng(seed) {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s;
  };
  return {
    next,
    int: (n) => next() % n,
    pick: (items) => items[next() % items.length],
    chance: (p) => next() / 0x1_0000_0000 < p,
  };
}

const WORDS = (
  'the of and to in is that for it as with was on be by this are from or at an which ' +
  'report summary customer invoice delivery weather model data table result chapter ' +
  'translate explain classify extract rewrite politely shorter bullet points sentiment ' +
  'naïve café résumé façade über straße 東京 数据 分析 données مرحبا привет 😀 🚀 ✓'
).split(' ');
const SYSTEMS = [
  'You are a helpful assistant.',
  'You are a careful translator. Keep the tone of the original.',
  'Classify the sentiment of the review as positive, negative or neutral.',
  'You extract structured fields from invoices. Answer in JSON.',
  'Summarise the text in three bullet points.\nUse plain language.',
];

/** One realistic text-only chat request; `i` makes custom_id unique. */
export function chatLine(r, i) {
  const sentence = (min, max) => {
    const n = min + r.int(max - min);
    const words = [];
    for (let k = 0; k < n; k++) words.push(r.pick(WORDS));
    return words.join(' ');
  };
  const messages = [];
  if (r.chance(0.8)) messages.push({ role: 'system', content: r.pick(SYSTEMS) });
  const turns = r.chance(0.2) ? 1 + r.int(3) : 0;
  for (let t = 0; t < turns; t++) {
    messages.push({ role: 'user', content: sentence(5, 40) });
    messages.push({ role: 'assistant', content: sentence(5, 60) });
  }
  const user = r.chance(0.3)
    ? [
        { type: 'text', text: `Document ${i}: "${sentence(20, 300)}"` },
        { type: 'text', text: sentence(3, 20) },
      ]
    : `${sentence(3, 30)}\n\n${sentence(10, 400)}`;
  messages.push({ role: 'user', content: user });
  const body = { model: 'gpt-4o-mini', messages };
  if (r.chance(0.6)) body.max_completion_tokens = 64 + r.int(4000);
  if (r.chance(0.4)) body.temperature = Math.round(r.int(200)) / 100;
  if (r.chance(0.1)) body.top_p = 0.9;
  if (r.chance(0.1)) {
    messages[0] = { role: 'system', content: 'Reply in JSON with the keys label and score.' };
    body.response_format = {
      type: 'json_schema',
      json_schema: {
        name: 'label',
        strict: true,
        schema: {
          type: 'object',
          properties: { label: { type: 'string' }, score: { type: 'number' } },
          required: ['label', 'score'],
          additionalProperties: false,
        },
      },
    };
  } else if (r.chance(0.08)) {
    body.tools = [
      {
        type: 'function',
        function: {
          name: 'lookup_order',
          description: 'Finds an order by its id.',
          parameters: {
            type: 'object',
            properties: { order_id: { type: 'string' } },
            required: ['order_id'],
          },
        },
      },
    ];
    body.tool_choice = 'auto';
  }
  return JSON.stringify({
    custom_id: `chat-${String(i).padStart(6, '0')}`,
    method: 'POST',
    url: '/v1/chat/completions',
    body,
  });
}

const PNG_HEAD = Buffer.from(
  // Signature, then an IHDR chunk for a 512x512 RGBA image: a checker that sniffs the header
  // sees a real PNG; the rest of the bytes are noise.
  '89504e470d0a1a0a0000000d49484452000002000000020008060000007a7a7a7a',
  'hex',
);

/**
 * Base64 characters per image line: 2,000 such lines make a file just under the Batch API's
 * 200 MB, which is decimal (200,000,000 bytes), so the file checks clean.
 */
export const IMAGE_CHARS = 99_600;

/** One chat request carrying a data URL of `base64Chars` characters (a multiple of 4). */
export function imageLine(r, i, base64Chars) {
  const raw = Buffer.allocUnsafe((base64Chars / 4) * 3);
  PNG_HEAD.copy(raw);
  for (let k = PNG_HEAD.length; k + 4 <= raw.length; k += 4) raw.writeUInt32LE(r.next(), k);
  const url = `data:image/png;base64,${raw.toString('base64')}`;
  return JSON.stringify({
    custom_id: `image-${String(i).padStart(5, '0')}`,
    method: 'POST',
    url: '/v1/chat/completions',
    body: {
      model: 'gpt-4o-mini',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: `What is in picture ${i}?` },
            { type: 'image_url', image_url: { url, detail: r.pick(['low', 'high', 'auto']) } },
          ],
        },
      ],
      max_completion_tokens: 300,
    },
  });
}

/** Writes `count` lines made by `make` to `path` in large batches; returns the byte size. */
export function writeLines(path, count, make) {
  const fd = openSync(path, 'w');
  let size = 0;
  let batch = [];
  let batchBytes = 0;
  const flush = () => {
    const buf = Buffer.from(batch.join(''), 'utf8');
    writeSync(fd, buf);
    size += buf.length;
    batch = [];
    batchBytes = 0;
  };
  for (let i = 0; i < count; i++) {
    const line = make(i) + '\n';
    batch.push(line);
    batchBytes += line.length;
    if (batchBytes > 8 << 20) flush();
  }
  flush();
  closeSync(fd);
  return size;
}
