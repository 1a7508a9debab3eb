// The Batch API's limits on one input file (batch guide; the spec's CreateBatchRequest).

export const MAX_REQUESTS = 50_000;
export const MAX_FILE_BYTES = 200 * 1024 * 1024;
export const MAX_EMBEDDING_INPUTS = 50_000;
