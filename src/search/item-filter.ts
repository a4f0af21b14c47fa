import { gradeRank } from '../model/education-level.js';
import type { CaseItem } from '../model/framework.js';

export interface ItemCriteria {
  /** Lowest grade (a CASE education level), or '' for no lower bound. */
  gradeFrom: string;
  /** Highest grade, or '' for no upper bound. */
  gradeTo: string;
  /** CFItemType, or '' for any. */
  type: string;
}

/** The search filter for a grade range and an item type; `undefined` when nothing is filtered. */
export function itemFilter({ gradeFrom, gradeTo, type }: ItemCriteria): ((item: CaseItem) => boolean) | undefined {
  const graded = !!(gradeFrom || gradeTo);
  if (!graded && !type) return undefined;
  const from = gradeFrom ? gradeRank(gradeFrom) : -Infinity;
  const to = gradeTo ? gradeRank(gradeTo) : Infinity;
  const inRange = (level: string) => level === gradeFrom || level === gradeTo || (gradeRank(level) >= from && gradeRank(level) <= to);
  return item => (!type || item.itemType === type) && (!graded || item.educationLevel.some(inRange));
}
