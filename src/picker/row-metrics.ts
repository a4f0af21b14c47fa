const ROW_HEIGHT = { comfortable: 56, compact: 34 } as const;
/** Lists this wide or less have narrow rows: two lines of statement, then a line of badges. */
const NARROW_WIDTH = 480;
const NARROW_ROW_HEIGHT = { comfortable: 76, compact: 64 } as const;

/** Whether a list this wide (0: not measured yet) has narrow rows. */
export const isNarrow = (width: number): boolean => width > 0 && width <= NARROW_WIDTH;

/** The height of each row of the tree and the results, in px: every row has the same (virtualised lists). */
export function rowHeight(density: keyof typeof ROW_HEIGHT, narrow: boolean): number {
  const heights = narrow ? NARROW_ROW_HEIGHT : ROW_HEIGHT;
  return heights[density] ?? heights.comfortable;
}
