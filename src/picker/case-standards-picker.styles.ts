import { baseStyles } from './styles/base.styles.js';
import { panelStyles } from './styles/panels.styles.js';
import { fieldStyles } from './styles/field.styles.js';
import { rowStyles } from './styles/rows.styles.js';

/** The picker's styles, one sheet per part of the layout. */
export const styles = [baseStyles, rowStyles, panelStyles, fieldStyles];
