/** Letters of scripts written right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko, …). */
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;

/**
 * The direction a provider string is laid out in, on its own, whatever the page's: `ltr` for
 * codes, grade ranges and dates written without right-to-left letters (so `3.NF.A.2` and `9–12`
 * are never reordered in an RTL page), else `auto` (the first strong letter decides).
 */
export function dirOf(text: string | undefined): 'ltr' | 'auto' {
  return text && RTL.test(text) ? 'auto' : 'ltr';
}
