/**
 * A safe subset of Markdown and inline HTML for CASE statements and notes.
 *
 * Provider text is data: this parser only recognises a fixed set of formatting (emphasis,
 * strong, sub/sup, code, `$…$` maths shown as source, line breaks, lists, tables, http(s)
 * links) and returns a plain node tree. Everything else, including any other markup and
 * literal `<` / `>` used as maths, stays text. Rendering (`render-markup.ts`) turns the tree
 * into Lit templates with text bindings only, so nothing is ever parsed as HTML.
 */

export type InlineTag = 'em' | 'strong' | 'sub' | 'sup' | 'code' | 'math';
export type Inline = string | { tag: InlineTag; children: Inline[] } | { tag: 'br' } | { tag: 'a'; href: string; children: Inline[] };

export type Block =
  { type: 'p'; children: Inline[] } | { type: 'ul' | 'ol'; items: Inline[][] } | { type: 'table'; head: Inline[][]; rows: Inline[][][] };

const HTML_TAGS: Record<string, InlineTag | 'br'> = {
  em: 'em',
  i: 'em',
  strong: 'strong',
  b: 'strong',
  sub: 'sub',
  sup: 'sup',
  code: 'code',
  br: 'br',
};

const TAG = /<(\/?)([a-z]+)\b[^<>]*?(\/?)>/gi;
const MARKDOWN =
  /`([^`\n]+)`|\$([^\s$\d][^$\n]*?(?<=\S))\$(?!\d)|\[([^\]\n]+)\]\(\s*([^)\s]+)\s*\)|\*\*(?=\S)([^*\n]+?)(?<=\S)\*\*|__(?=\S)([^_\n]+?)(?<=\S)__|\*(?=\S)([^*\n]+?)(?<=\S)\*|(?<![\p{L}\p{N}])_(?=\S)([^_\n]+?)(?<=\S)_(?![\p{L}\p{N}])/gu;

/** Only http(s) URLs become links; `javascript:`, `data:` and relative URLs never do. */
export function safeHref(url: string): string | undefined {
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

function parseMarkdownInline(text: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const m of text.matchAll(MARKDOWN)) {
    const index = m.index ?? 0;
    if (index > last) out.push(text.slice(last, index));
    last = index + m[0].length;
    if (m[1] !== undefined) out.push({ tag: 'code', children: [m[1]] });
    else if (m[2] !== undefined) out.push({ tag: 'math', children: [m[2]] });
    else if (m[3] !== undefined) {
      // An unsafe link keeps its text and loses its target.
      const href = safeHref(m[4]);
      const children = parseMarkdownInline(m[3]);
      if (href) out.push({ tag: 'a', href, children });
      else out.push(...children);
    } else if (m[5] !== undefined || m[6] !== undefined) {
      out.push({ tag: 'strong', children: parseMarkdownInline(m[5] ?? m[6]) });
    } else {
      out.push({ tag: 'em', children: parseMarkdownInline(m[7] ?? m[8]) });
    }
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** Parses one line or paragraph of inline content: allowed HTML tags, then Markdown in text. */
export function parseInline(text: string): Inline[] {
  const root: { children: Inline[] } = { children: [] };
  const stack: { tag: InlineTag | null; children: Inline[] }[] = [{ tag: null, children: root.children }];
  let last = 0;
  const pushText = (s: string) => {
    if (s) stack[stack.length - 1].children.push(...parseMarkdownInline(s));
  };
  for (const m of text.matchAll(TAG)) {
    const tag = HTML_TAGS[m[2].toLowerCase()];
    if (!tag) continue; // unknown tags stay literal text
    const index = m.index ?? 0;
    pushText(text.slice(last, index));
    last = index + m[0].length;
    const closing = m[1] === '/';
    if (tag === 'br') {
      stack[stack.length - 1].children.push({ tag: 'br' });
    } else if (!closing) {
      const node = { tag, children: [] as Inline[] };
      stack[stack.length - 1].children.push(node);
      stack.push(node);
    } else {
      // Close the nearest matching open tag; a stray closing tag is dropped.
      const at = stack.map(s => s.tag).lastIndexOf(tag);
      if (at > 0) stack.length = at;
    }
  }
  pushText(text.slice(last));
  return root.children;
}

const LIST_ITEM = /^\s{0,3}([-*+]|\d{1,3}[.)])\s+(.*)$/;
const TABLE_ROW = /^\s*\|(.*)\|\s*$/;
const TABLE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

function tableCells(line: string): Inline[][] {
  return (TABLE_ROW.exec(line)?.[1] ?? line).split('|').map(cell => parseInline(cell.trim()));
}

/** Parses a statement or note into blocks. */
export function parseMarkup(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length === 0) return;
    const children: Inline[] = [];
    paragraph.forEach((line, i) => {
      if (i > 0) children.push({ tag: 'br' });
      children.push(...parseInline(line));
    });
    blocks.push({ type: 'p', children });
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line.trim()) {
      flush();
      continue;
    }
    if (TABLE_ROW.test(line) && i + 1 < lines.length && TABLE_RULE.test(lines[i + 1])) {
      flush();
      const head = tableCells(line);
      const rows: Inline[][][] = [];
      i += 2;
      while (i < lines.length && TABLE_ROW.test(lines[i])) rows.push(tableCells(lines[i++]));
      i--;
      blocks.push({ type: 'table', head, rows });
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      flush();
      const type = /\d/.test(item[1]) ? 'ol' : 'ul';
      const previous = blocks[blocks.length - 1];
      if (previous && previous.type === type) previous.items.push(parseInline(item[2]));
      else blocks.push({ type, items: [parseInline(item[2])] });
      continue;
    }
    paragraph.push(line.trim());
  }
  flush();
  return blocks;
}

/** The text a reader sees, without any markup (for labels, titles and search). */
export function plainText(source: string): string {
  const walk = (nodes: Inline[]): string => nodes.map(n => (typeof n === 'string' ? n : n.tag === 'br' ? ' ' : walk(n.children))).join('');
  return parseMarkup(source)
    .map(block =>
      block.type === 'p'
        ? walk(block.children)
        : block.type === 'table'
          ? [block.head, ...block.rows].map(r => r.map(walk).join(' ')).join(' ')
          : block.items.map(walk).join(' '),
    )
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}
