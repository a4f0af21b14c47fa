const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Natural order for codes and enumerations: `2` before `10`, case-insensitive. */
export const naturalCompare: (a: string, b: string) => number = collator.compare;
