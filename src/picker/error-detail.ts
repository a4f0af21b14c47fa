import { CaseApiError, CaseErrorCode } from '../api/case-api-error.js';
import { type CaseErrorDetail, CaseErrorEvent } from '../events.js';
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

/**
 * Reports the picker's failures: `case-error` with the technical cause (and on the console, for
 * developers), the words in the live region. Storage failures are reported once per picker: the
 * picker carries on from the network, and one notice says so.
 */
export class ErrorReporter {
  private storageReported = false;

  constructor(
    private readonly host: HTMLElement & { readonly updateComplete: Promise<boolean> },
    private readonly options: { strings: () => PickerStrings; announce: (words: string) => void },
  ) {}

  /** A failure (`provider`: one of several endpoints failed, its frameworks are missing). */
  report(error: unknown, provider?: string): void {
    const { detail, words } = errorDetail(error, this.options.strings(), provider);
    console.warn(`[case-standards-picker] ${detail.code}: ${detail.message}`);
    void this.host.updateComplete.then(() => this.host.dispatchEvent(new CaseErrorEvent(detail)));
    this.options.announce(words);
  }

  /** IndexedDB could not be used (private mode, quota, blocked): said once. */
  storage(error: unknown): void {
    if (this.storageReported) return;
    this.storageReported = true;
    this.host.dispatchEvent(
      new CaseErrorEvent({
        code: CaseErrorCode.storage,
        message: `${this.options.strings().errors.storage} (${error instanceof Error ? error.message : String(error)})`,
      }),
    );
  }
}
