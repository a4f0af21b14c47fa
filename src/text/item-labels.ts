import { gradeRange } from '../model/education-level.js';
import type { PickerStrings } from '../strings.js';

interface Statements {
  humanCodingScheme?: string;
  abbreviatedStatement?: string;
  fullStatement: string;
  educationLevel?: readonly string[];
}

/** The abbreviated statement, else the full one, cut to about 60 characters for one-line labels. */
function shortStatement(item: Pick<Statements, 'abbreviatedStatement' | 'fullStatement'>): string {
  const text = item.abbreviatedStatement ?? item.fullStatement;
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** A one-line label for paths and links: the code (not the list number) and a short statement. */
export function shortLabel(item: Statements | undefined, s: Pick<PickerStrings, 'untitled'>): string {
  if (!item) return '';
  const code = item.humanCodingScheme;
  const short = shortStatement(item);
  return code ? (short && short !== code ? `${code} ${short}` : code) : short || s.untitled;
}

/**
 * A chip's label: code and short statement; without a code, grades tell apart items with the
 * same statement ("Fractions · Grade 3", "Fractions · Grade 4").
 */
export function chipLabel(item: Statements, fallback: string, s: Pick<PickerStrings, 'gradeName'>): string {
  const short = shortStatement(item);
  if (item.humanCodingScheme) return `${item.humanCodingScheme} ${short}`.trim();
  const levels = item.educationLevel ?? [];
  const grades = levels.length === 1 ? ` · ${s.gradeName(levels[0])}` : levels.length ? ` · ${gradeRange(levels)}` : '';
  return short ? `${short}${grades}` : fallback;
}
