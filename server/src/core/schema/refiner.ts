// The hook through which an endpoint adds what generic JSON Schema phrasing cannot know: the
// API's special wording for some errors, fix references, and checks a schema cannot express.
import type { Finding } from '../types';
import type { Issue } from './phrase';

export type Body = Record<string, unknown>;

export interface Refiner {
  /** Rewords or enriches one generic finding; returns undefined to drop it. */
  refine?(finding: Finding, issue: Issue, body: Body): Finding | undefined;
  /** Checks run on every body, valid or not; kept cheap (they run on every line). */
  extra?(body: Body): Finding[];
}
