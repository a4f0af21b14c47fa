import { englishStrings, type PickerStrings } from '../strings.js';
import { spanishStrings } from './es.js';
import { frenchStrings } from './fr.js';

/** Built-in string tables by language tag; `lang` picks one. */
const builtIn = new Map<string, PickerStrings>([
  ['en', englishStrings],
  ['fr', frenchStrings],
  ['es', spanishStrings],
]);

/** Adds (or replaces) a built-in string table for a language (`de`, `pt-br`, …). */
export function registerStrings(lang: string, strings: PickerStrings): void {
  builtIn.set(lang.toLowerCase(), strings);
}

/** The table for a language tag: exact (`pt-br`), then its base language (`pt`), then English. */
export function stringsFor(lang: string | null | undefined): PickerStrings {
  const tag = (lang ?? '').toLowerCase();
  return builtIn.get(tag) ?? builtIn.get(tag.split('-')[0]) ?? englishStrings;
}
