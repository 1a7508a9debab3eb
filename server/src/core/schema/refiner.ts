// The hook through which an endpoint rewords what generic JSON Schema phrasing cannot know: the
// API's special wording for some errors and fix references. Checks a schema cannot express are
// rules (core/rules/), not refiners.
import type { Finding } from '../types';
import type { Issue } from './phrase';

export type Body = Record<string, unknown>;

export interface Refiner {
  /** Rewords or enriches one generic finding; returns undefined to drop it. */
  refine?(finding: Finding, issue: Issue, body: Body): Finding | undefined;
}
