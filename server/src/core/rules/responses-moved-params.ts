// Chat parameters the responses schema declares only to look inside them (`messages`, whose
// items share the input's shape) are still refused on /v1/responses, with where they went. The
// keys and their new places are the schema's `movedTo` annotations.

import type { BodyRule } from './rule';
import { NONE } from './rule';
import type { Finding } from '../types';
import { topLevelAnnotations } from '../schema/annotations';
import { movedParam } from '../schema/responses-rules';

/** Declared keys that moved (a key with a responses equivalent of its own is not one of them). */
const DECLARED_MOVED = [...topLevelAnnotations('responses')].flatMap(([key, a]) =>
  a.movedTo !== undefined && a.responses === undefined ? [[key, a.movedTo] as const] : [],
);

export const rule: BodyRule = {
  scope: 'body',
  endpoints: ['/v1/responses'],
  keys: DECLARED_MOVED.map(([key]) => key),
  check(body) {
    let moved: Finding[] | undefined;
    for (const [key, to] of DECLARED_MOVED) {
      if (body[key] !== undefined) (moved ??= []).push(movedParam(key, to));
    }
    return moved ?? NONE;
  },
};
