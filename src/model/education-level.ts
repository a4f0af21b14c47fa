import { naturalCompare } from '../text/natural-compare.js';

/** CASE education levels in school order (CEDS grade level codes), for sorting and ranges. */
const GRADE_ORDER = [
  'IT',
  'PR',
  'PK',
  'TK',
  'KG',
  '01',
  '02',
  '03',
  '04',
  '05',
  '06',
  '07',
  '08',
  '09',
  '10',
  '11',
  '12',
  '13',
  'PS',
  'AS',
  'BA',
  'PB',
  'MD',
  'HS',
  'AE',
  'OT',
];

/** Position of a level in school order; unknown levels sort last. */
export function gradeRank(level: string): number {
  const i = GRADE_ORDER.indexOf(level);
  return i === -1 ? GRADE_ORDER.length : i;
}

export function compareGrades(a: string, b: string): number {
  return gradeRank(a) - gradeRank(b) || naturalCompare(a, b);
}

/** A compact label for a set of levels: `K`, `3`, `K–12`. */
export function gradeRange(levels: readonly string[]): string {
  const sorted = [...levels].sort(compareGrades);
  const label = (l: string) => (l === 'KG' ? 'K' : /^\d+$/.test(l) ? String(Number(l)) : l);
  if (sorted.length === 1) return label(sorted[0]);
  return `${label(sorted[0])}–${label(sorted[sorted.length - 1])}`;
}
