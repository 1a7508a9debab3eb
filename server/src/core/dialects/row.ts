// The shape of one row of schemas/dialects.json, as the generated module hands it over.

/**
 * How lines of a dialect are built, which decides the checks they get:
 * - `openai`: `{custom_id, method, url, body}` (OpenAI, Azure OpenAI, OpenAI-compatible servers);
 * - `bare`: `{custom_id, body}`, the endpoint chosen when the job is created (Together, Mistral,
 *   Fireworks);
 * - `anthropic`: `{custom_id, params}`; `gemini`: `{key?, request}`; `bedrock`: `{recordId, modelInput}`.
 */
export type Family = 'openai' | 'bare' | 'anthropic' | 'gemini' | 'bedrock';

export interface DialectRow<Id extends string, Schema extends string> {
  id: Id;
  /** The provider's name for the service, for messages and the status bar. */
  name: string;
  family: Family;
  envelope: {
    /** The key naming a request (custom_id, key, recordId); null when lines carry none (Vertex). */
    id: string | null;
    /** The key holding the request body (body, params, request, modelInput). */
    body: string;
    /** Every key a line may have. */
    keys: string[];
  };
  /** Which urls lines name: OpenAI's `/v1/…`, Azure's (also without `/v1`), or none at all. */
  urls: 'v1' | 'azure' | 'none';
  /** The body schemas of the dialect (export names), the first the main one. */
  schemas: Schema[];
  /** What a request id must look like: a pattern (the API's), or a length cap. */
  customId?: { pattern?: string; maxLength?: number };
  /** Gemini's JSON parser takes each field by its snake_case name too. */
  protoJson?: boolean;
  limits: {
    /** Most requests in one file. */
    requests?: number;
    /** Fewest records in one job (Bedrock's quota). */
    minRequests?: number;
    /** Largest file, in bytes. */
    bytes?: number;
    /** The limits are service quotas that can be raised: past one is a warning. */
    adjustable?: boolean;
  };
  /** What the provider does with a file that starts with a UTF-8 byte order mark, where documented. */
  bom?: string;
  docs: string;
  sources: string[];
}
