// Where the API documents what a problem is about, for a diagnostic's "more information" link.

const BATCH_GUIDE = 'https://platform.openai.com/docs/guides/batch';
const VISION_GUIDE = 'https://platform.openai.com/docs/guides/images-vision';
const MIGRATE_GUIDE = 'https://platform.openai.com/docs/guides/migrate-to-responses';
const STRUCTURED = 'https://platform.openai.com/docs/guides/structured-outputs';

const BY_CODE: Record<string, string> = {
  invalid_json_line: BATCH_GUIDE,
  multiline_request: BATCH_GUIDE,
  blank_line: BATCH_GUIDE,
  duplicate_custom_id: BATCH_GUIDE,
  url_mismatch: BATCH_GUIDE,
  model_mismatch: BATCH_GUIDE,
  too_many_tasks: BATCH_GUIDE,
  file_too_large: BATCH_GUIDE,
  too_many_embedding_inputs: BATCH_GUIDE,
  empty_file: BATCH_GUIDE,
  streaming_unsupported: BATCH_GUIDE,
  utf8_bom: BATCH_GUIDE,
  invalid_image_format: VISION_GUIDE,
  image_type_mismatch: VISION_GUIDE,
  too_many_images: VISION_GUIDE,
  json_word_missing: 'https://platform.openai.com/docs/guides/structured-outputs#json-mode',
};

/** A documentation link for a problem code (and its parameter, where that says more). */
export function docsUrlFor(code: string, param?: string): string | undefined {
  if (param && /image_url|input_image/.test(param)) return VISION_GUIDE;
  if (code === 'unsupported_parameter' && param && !param.includes('.')) return MIGRATE_GUIDE;
  if (param && /response_format|text\.format/.test(param)) return STRUCTURED;
  if (BY_CODE[code]) return BY_CODE[code];
  if (param?.startsWith('input'))
    return 'https://platform.openai.com/docs/api-reference/responses/create';
  if (param?.startsWith('messages'))
    return 'https://platform.openai.com/docs/api-reference/chat/create';
  return undefined;
}
