// Where the API documents what a problem is about, for a diagnostic's "more information" link:
// the catalogue's link for the code, or a more precise page where the parameter says more.

import type { ProblemCode, ProblemEntry } from './catalogue';
import { PROBLEMS } from './catalogue';

const VISION_GUIDE = 'https://platform.openai.com/docs/guides/images-vision';
const MIGRATE_GUIDE = 'https://platform.openai.com/docs/guides/migrate-to-responses';
const STRUCTURED = 'https://platform.openai.com/docs/guides/structured-outputs';
const RESPONSES_REFERENCE = 'https://platform.openai.com/docs/api-reference/responses/create';
const CHAT_REFERENCE = 'https://platform.openai.com/docs/api-reference/chat/create';

/** A documentation link for a problem code (and its parameter, where that says more). */
export function docsUrlFor(code: ProblemCode, param?: string): string {
  if (param && /image_url|input_image/.test(param)) return VISION_GUIDE;
  if (code === 'unsupported_parameter' && param && !param.includes('.')) return MIGRATE_GUIDE;
  if (param && /response_format|text\.format/.test(param)) return STRUCTURED;
  const entry: ProblemEntry = PROBLEMS[code];
  // Schema errors link to the endpoint's reference when the parameter names it.
  if (entry.tags.includes('schema')) {
    if (param?.startsWith('input')) return RESPONSES_REFERENCE;
    if (param?.startsWith('messages')) return CHAT_REFERENCE;
  }
  return entry.docs;
}
