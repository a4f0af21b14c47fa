import { CaseApiError, CaseErrorCode } from '../api/case-api-error.js';
import type { CaseErrorDetail } from '../events.js';
import type { PickerStrings } from '../strings.js';

/**
 * A failure as the picker reports it: the `case-error` detail (the code, the message in words,
 * then the technical cause for developers: the client's message and the provider's own
 * description; the HTTP status) and the words alone, for the screen and the live region.
 * Anything that is not a CaseApiError is data the picker could not use (`invalid-data`).
 */
export function errorDetail(error: unknown, s: PickerStrings, provider?: string): { detail: CaseErrorDetail; words: string } {
  const apiError =
    error instanceof CaseApiError
      ? error
      : new CaseApiError(CaseErrorCode.invalidData, error instanceof Error ? error.message : String(error));
  // One of several endpoints: the words name it (its frameworks are missing, the others shown).
  const words = provider ? s.endpointFailed(provider, s.errors[apiError.code]) : s.errors[apiError.code];
  const cause = [apiError.message, apiError.description].filter(Boolean).join(' ');
  const message = cause ? `${words} (${cause})` : words;
  return { detail: { code: apiError.code, message, status: apiError.status }, words };
}
