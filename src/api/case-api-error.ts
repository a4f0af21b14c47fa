/** Error codes shared by `CaseApiError` and the `case-error` event. */
export const CaseErrorCode = {
  network: 'network',
  http: 'http',
  auth: 'auth',
  notFound: 'not-found',
  parse: 'parse',
  invalidData: 'invalid-data',
  storage: 'storage',
} as const;
export type CaseErrorCode = (typeof CaseErrorCode)[keyof typeof CaseErrorCode];

export interface CaseApiErrorOptions {
  status?: number;
  url?: string;
  /** `imsx_description` from the provider's imsx_StatusInfo body, when it sent one. */
  description?: string;
  /** `imsx_codeMinor` value (1.0 `imsx_codeMinorFieldValue` or 1.1 spelling), when sent. */
  codeMinor?: string;
  /** Seconds from a `Retry-After` header, when sent. */
  retryAfter?: number;
  cause?: unknown;
}

/**
 * Error thrown by `CaseClient`. `code` is one of the contract's codes, so hosts can react
 * without parsing messages.
 */
export class CaseApiError extends Error {
  override readonly name = 'CaseApiError';
  readonly code: CaseErrorCode;
  readonly status?: number;
  readonly url?: string;
  readonly description?: string;
  readonly codeMinor?: string;
  readonly retryAfter?: number;

  constructor(code: CaseErrorCode, message: string, options: CaseApiErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = options.status;
    this.url = options.url;
    this.description = options.description;
    this.codeMinor = options.codeMinor;
    this.retryAfter = options.retryAfter;
  }
}

export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

/** Maps an HTTP status to the contract's error code. */
export function codeForStatus(status: number): CaseErrorCode {
  if (status === 401 || status === 403) return CaseErrorCode.auth;
  if (status === 404) return CaseErrorCode.notFound;
  return CaseErrorCode.http;
}
