// What `estimate` counts in a line of any provider's batch format: the request read as a chat
// completions body (messages of text and image parts, the output cap), so one counter serves
// every dialect. The line's own keys say which format it is (dialects/classify.ts). Token counts
// of other providers' models are approximations in OpenAI's encodings: their tokenizers are not
// published in a form batchlint carries.

import { classifyLine } from '../dialects/classify';
import { isObject } from '../json';

type Obj = Record<string, unknown>;

/** A request as estimate.ts counts it. */
export interface Countable {
  /** The model the line names; undefined where it names none (the job does, for Gemini, Bedrock). */
  model?: string;
  /** The endpoint whose body shape `body` has (`/v1/chat/completions` for other providers). */
  url: string;
  body: Obj;
}

/** Why a request is counted but its tokens are not: a body shape batchlint does not read. */
export interface Uncounted {
  model?: string;
  uncounted: string;
}

const CHAT = '/v1/chat/completions';

/**
 * The countable request of one parsed line, `Uncounted` when its body's shape is not one
 * batchlint reads (Mistral's OCR document, a Bedrock model family it does not know), or
 * undefined when the line holds no request body at all.
 */
export function countableOf(line: Obj): Countable | Uncounted | undefined {
  const shape = classifyLine(line);
  const family = shape?.keys ?? shape?.family ?? 'openai';
  switch (family) {
    case 'openai': {
      if (!isObject(line.body)) return undefined;
      const url = typeof line.url === 'string' ? line.url : '';
      return { ...modelOf(line.body), url, body: line.body };
    }
    case 'bare':
      return isObject(line.body) ? bareBody(line.body) : undefined;
    case 'anthropic': {
      const params = isObject(line.params) ? line.params : line.body;
      return isObject(params)
        ? { ...modelOf(params), url: CHAT, body: fromAnthropic(params) }
        : undefined;
    }
    case 'gemini':
      return isObject(line.request) ? geminiBody(line.request) : undefined;
    case 'bedrock':
      return isObject(line.modelInput) ? bedrockBody(line.modelInput) : undefined;
  }
}

function modelOf(body: Obj): { model?: string } {
  return typeof body.model === 'string' ? { model: body.model } : {};
}

/** Together, Mistral and Fireworks bodies: OpenAI's shapes, the endpoint set on the job. */
function bareBody(body: Obj): Countable | Uncounted {
  const model = modelOf(body);
  if ('messages' in body) return { ...model, url: CHAT, body };
  if ('prompt' in body)
    return { ...model, url: CHAT, body: { ...body, messages: body.prompt, prompt: undefined } };
  if ('input' in body) return { ...model, url: '/v1/embeddings', body };
  return { ...model, uncounted: 'a body with no messages, prompt or input' };
}

/** An Anthropic Messages body (Message Batches' params, Claude on Bedrock). */
function fromAnthropic(params: Obj): Obj {
  const messages: Obj[] = [];
  if (params.system !== undefined)
    messages.push({ role: 'system', content: blocks(params.system) });
  if (Array.isArray(params.messages))
    for (const m of params.messages)
      if (isObject(m)) messages.push({ role: m.role, content: blocks(m.content) });
  return { messages, max_tokens: params.max_tokens, tools: params.tools };
}

/** Anthropic content (a string or blocks) as chat parts: text, images, the rest as their JSON. */
function blocks(content: unknown): unknown {
  if (!Array.isArray(content)) return content;
  return content.map((block: unknown) => {
    if (!isObject(block)) return block;
    if (typeof block.text === 'string') return { type: 'text', text: block.text };
    const source = isObject(block.source) ? block.source : undefined;
    // Images and documents have no published count here: each is reported as not counted.
    if (block.type === 'image' || block.type === 'document') {
      const url =
        source?.type === 'base64' && block.type === 'image'
          ? `data:${String(source.media_type)};base64,${String(source.data)}`
          : '';
      return { type: 'image_url', image_url: { url } };
    }
    return { type: 'text', text: JSON.stringify(block) };
  });
}

/** A Gemini GenerateContentRequest (its JSON takes camelCase and snake_case names alike). */
function geminiBody(request: Obj): Countable {
  const get = (o: Obj, camel: string, snake: string): unknown => o[camel] ?? o[snake];
  const messages: Obj[] = [];
  const system = get(request, 'systemInstruction', 'system_instruction');
  if (isObject(system)) messages.push({ role: 'system', content: parts(system.parts) });
  const contents = request.contents;
  if (Array.isArray(contents))
    for (const c of contents)
      if (isObject(c)) messages.push({ role: c.role ?? 'user', content: parts(c.parts) });
  const config = get(request, 'generationConfig', 'generation_config');
  const cap = isObject(config) ? get(config, 'maxOutputTokens', 'max_output_tokens') : undefined;
  const n = isObject(config) ? get(config, 'candidateCount', 'candidate_count') : undefined;
  return {
    ...modelOf(request),
    url: CHAT,
    body: { messages, max_tokens: numeric(cap), n: numeric(n), tools: request.tools },
  };
}

/** Gemini parts as chat parts: text, inline images as data URLs, the rest not measurable. */
function parts(list: unknown): unknown {
  if (!Array.isArray(list)) return [];
  return list.map((part: unknown) => {
    if (!isObject(part)) return part;
    if (typeof part.text === 'string') return { type: 'text', text: part.text };
    const inline = part.inlineData ?? part.inline_data;
    const file = part.fileData ?? part.file_data;
    if (isObject(inline) || isObject(file)) {
      const mime = String(
        (inline as Obj | undefined)?.mimeType ?? (inline as Obj | undefined)?.mime_type,
      );
      const url =
        isObject(inline) && mime.startsWith('image/')
          ? `data:${mime};base64,${String(inline.data)}`
          : '';
      return { type: 'image_url', image_url: { url } };
    }
    return { type: 'text', text: JSON.stringify(part) };
  });
}

/** Proto3 JSON takes numbers written as strings ("256"). */
function numeric(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/** A Bedrock modelInput: the model family's native body, told apart by its keys. */
function bedrockBody(input: Obj): Countable | Uncounted {
  if (Array.isArray(input.messages)) {
    // Claude's Messages body, or Amazon Nova's (content blocks of {text}, inferenceConfig).
    if (!isObject(input.inferenceConfig) && input.schemaVersion === undefined)
      return { url: CHAT, body: fromAnthropic(input) };
    const config = isObject(input.inferenceConfig) ? input.inferenceConfig : {};
    const system = Array.isArray(input.system) ? input.system : [];
    const messages: Obj[] = [
      ...(system.length > 0 ? [{ role: 'system', content: novaBlocks(system) }] : []),
      ...input.messages
        .filter(isObject)
        .map((m) => ({ role: m.role, content: novaBlocks(m.content) })),
    ];
    return {
      url: CHAT,
      body: { messages, max_tokens: numeric(config.maxTokens ?? config.max_new_tokens) },
    };
  }
  if (typeof input.inputText === 'string') {
    // Titan Embeddings (dimensions, normalize, an image) or Titan Text (textGenerationConfig).
    if (input.textGenerationConfig === undefined && Object.keys(input).length > 1)
      return { url: '/v1/embeddings', body: { input: input.inputText } };
    const config = isObject(input.textGenerationConfig) ? input.textGenerationConfig : {};
    return {
      url: CHAT,
      body: { messages: input.inputText, max_tokens: numeric(config.maxTokenCount) },
    };
  }
  if (typeof input.prompt === 'string')
    return { url: CHAT, body: { messages: input.prompt, max_tokens: numeric(input.max_gen_len) } };
  return { uncounted: 'a Bedrock model input of a model family batchlint does not read' };
}

/** Nova content blocks ({text}, {image: {format, source: {bytes}}}) as chat parts. */
function novaBlocks(content: unknown): unknown {
  if (!Array.isArray(content)) return content;
  return content.map((block: unknown) => {
    if (!isObject(block)) return block;
    if (typeof block.text === 'string') return { type: 'text', text: block.text };
    const image = isObject(block.image) ? block.image : undefined;
    if (image || isObject(block.document) || isObject(block.video)) {
      const bytes = isObject(image?.source) ? image.source.bytes : undefined;
      const url =
        typeof bytes === 'string' ? `data:image/${String(image!.format)};base64,${bytes}` : '';
      return { type: 'image_url', image_url: { url } };
    }
    return { type: 'text', text: JSON.stringify(block) };
  });
}
