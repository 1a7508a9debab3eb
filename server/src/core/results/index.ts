// Results of a finished batch, put back on the input file's lines. The front ends (CLI, editor)
// import from here only.

export { RESULT_CODES } from './codes';
export type { ResultCode } from './codes';
export { readResult } from './record';
export type { RequestResult, ResultError, ResultStatus, MalformedResult } from './record';
export type { Usage } from './usage';
export { batchCost } from './cost';
export type { BatchCost, ModelCost } from './cost';
export { readBatchObject } from './batch-object';
export type { BatchObject, BatchError } from './batch-object';
export { ResultIndex, InputPass } from './matcher';
export type { LineOutcome, ResultsSummary } from './matcher';
export { parseParam } from './param-path';
export { readResults, matchInputFile } from './files';
export type { ResultSources, InputReport, MatchOptions } from './files';
export { outcomeText, usageText, costText } from './words';
