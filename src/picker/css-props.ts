import { noChange } from 'lit';
import { Directive, directive, type ElementPart, PartType, type PartInfo } from 'lit/directive.js';

/**
 * Sets inline style properties through the CSSOM on every render. Unlike `styleMap`, whose first
 * render writes a `style="…"` attribute, this never creates a style attribute, so the picker
 * works under a strict Content-Security-Policy (`style-src` without `'unsafe-inline'`).
 * Usage: `<div ${cssProps({ height: '20px' })}>`.
 */
class CssPropsDirective extends Directive {
  private previous = new Set<string>();

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT) throw new Error('cssProps() must be used as an element directive');
  }

  render(_styles: Record<string, string>): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [styles]: [Record<string, string>]): typeof noChange {
    const style = (part.element as HTMLElement).style;
    for (const name of this.previous) if (!(name in styles)) style.removeProperty(name);
    for (const [name, value] of Object.entries(styles)) style.setProperty(name, value);
    this.previous = new Set(Object.keys(styles));
    return noChange;
  }
}

export const cssProps = directive(CssPropsDirective);
