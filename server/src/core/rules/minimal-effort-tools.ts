// With reasoning.effort 'minimal', Responses refuses web search and image generation:
// "The following tools cannot be used with reasoning.effort 'minimal': image_gen, web_search."
// (param tools). The API names image_generation by its internal name. Whether file_search and
// code_interpreter are refused too is not known, so they are left alone.

import type { Finding } from '../types';
import type { BodyRule } from './rule';
import { NONE } from './rule';
import { isObject, ownValue } from '../json';

/** Tool types refused at minimal effort, by the name the API's message gives them. */
const REFUSED: Record<string, string> = {
  web_search: 'web_search',
  web_search_2025_08_26: 'web_search',
  web_search_preview: 'web_search',
  web_search_preview_2025_03_11: 'web_search',
  image_generation: 'image_gen',
};

export const rule: BodyRule = {
  scope: 'body',
  endpoints: ['/v1/responses'],
  keys: ['reasoning'],
  check(body) {
    const reasoning = body.reasoning;
    if (!isObject(reasoning) || reasoning.effort !== 'minimal' || !Array.isArray(body.tools)) {
      return NONE;
    }
    const names: string[] = [];
    let first: number | undefined;
    body.tools.forEach((tool: unknown, i: number) => {
      const name =
        isObject(tool) && typeof tool.type === 'string' ? ownValue(REFUSED, tool.type) : undefined;
      if (name === undefined) return;
      first ??= i;
      if (!names.includes(name)) names.push(name);
    });
    if (first === undefined) return NONE;
    const finding: Finding = {
      code: 'invalid_value',
      severity: 'error',
      message: `The following tools cannot be used with reasoning.effort 'minimal': ${names.sort().join(', ')}.`,
      param: 'tools',
      path: ['body', 'tools', first, 'type'],
      anchor: 'value',
    };
    return [finding];
  },
};
