// The Batch API's limits on one input file (batch guide; the spec's CreateBatchRequest).

import { MB } from '../sizes';

export const MAX_REQUESTS = 50_000;
/** The API's 200 MB, decimal (see sizes.ts): 200,000,000 bytes. */
export const MAX_FILE_BYTES = 200 * MB;
export const MAX_EMBEDDING_INPUTS = 50_000;
