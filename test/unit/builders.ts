// Small builders for batch lines, so each table row says only what it is about.

export const PNG_1PX =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
/** The first bytes of a JPEG, base64-encoded (enough for the header sniff). */
export const JPEG_HEAD = '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDAoM';

export type Json = Record<string, unknown>;

/** A body each endpoint takes, but for its model: add one to test what a model does there. */
export const BODY_WITHOUT_MODEL: Readonly<Record<string, Json>> = {
  '/v1/chat/completions': { messages: [{ role: 'user', content: 'hi' }] },
  '/v1/responses': { input: 'hi' },
  '/v1/embeddings': { input: 'hello' },
  '/v1/completions': { prompt: 'Hi' },
  '/v1/moderations': { input: 'hello' },
  '/v1/images/generations': { prompt: 'a cat' },
  '/v1/images/edits': { prompt: 'a cat', images: [{ file_id: 'file-abc' }] },
  '/v1/videos': { prompt: 'a cat' },
};

export function line(url: string, body: unknown, extra: Json = {}, customId = 'req-1'): string {
  return JSON.stringify({ custom_id: customId, method: 'POST', url, body, ...extra });
}

export function chat(body: Json, customId?: string): string {
  return line('/v1/chat/completions', { model: 'gpt-4o-mini', ...body }, {}, customId);
}

export function chatUser(content: unknown, customId?: string): string {
  return chat({ messages: [{ role: 'user', content }] }, customId);
}

export function responses(body: Json, customId?: string): string {
  return line('/v1/responses', { model: 'gpt-4.1-mini', ...body }, {}, customId);
}

export function embeddings(input: unknown, customId?: string): string {
  return line('/v1/embeddings', { model: 'text-embedding-3-small', input }, {}, customId);
}

/** A chat user message with one image part whose URL is `url`. */
export function chatImage(url: string): string {
  return chatUser([
    { type: 'text', text: 'What is this?' },
    { type: 'image_url', image_url: { url } },
  ]);
}
