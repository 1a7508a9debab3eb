// Bench-only entry, bundled by scripts/bench.mjs beside the core bundle: the stages of one line's
// check, so the bench can say which stage adds what to the checker's time over the floor. Nothing
// shipped imports it.
export { checkLine } from '../../../server/src/core/line-check';
export { validateBody, validateEnvelope } from '../../../server/src/core/schema';
export { parseLine } from '../../../server/src/core/parse-line';
export { defaultContext } from '../../../server/src/core/models/context';
