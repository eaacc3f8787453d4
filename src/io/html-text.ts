/**
 * HTML to plain text for tagging: scripts, styles, comments and the <head> are
 * dropped, tags removed, entities decoded, block elements become paragraph breaks,
 * <br> a line break and list items lines starting with a bullet. Pure.
 */

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'html',
  'legend', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul',
]);
// Elements whose content is never prose.
const DROPPED = /<(script|style|head|noscript|template|svg|math|iframe|object)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009',
  ndash: '\u2013', mdash: '\u2014', lsquo: '\u2018', rsquo: '\u2019', sbquo: '\u201a', ldquo: '\u201c', rdquo: '\u201d',
  bdquo: '\u201e', hellip: '\u2026', bull: '\u2022', middot: '\u00b7', pound: '\u00a3', euro: '\u20ac', copy: '\u00a9',
  reg: '\u00ae', trade: '\u2122', sect: '\u00a7', para: '\u00b6', deg: '\u00b0', frac12: '\u00bd', frac14: '\u00bc',
  frac34: '\u00be', times: '\u00d7', divide: '\u00f7', laquo: '\u00ab', raquo: '\u00bb', shy: '\u00ad', eacute: '\u00e9',
  egrave: '\u00e8', ecirc: '\u00ea', aacute: '\u00e1', agrave: '\u00e0', iacute: '\u00ed', oacute: '\u00f3',
  uacute: '\u00fa', ccedil: '\u00e7', ntilde: '\u00f1', ouml: '\u00f6', uuml: '\u00fc', auml: '\u00e4', szlig: '\u00df',
};

/** Decodes HTML character references (`&amp;`, `&#8212;`, `&#x27;`); unknown names stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref] ?? NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** Plain text of an HTML document (see module comment). */
export function htmlToText(html: string): string {
  const source = html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, ' ')
    .replace(/<![^>]*>/g, ' ')
    .replace(DROPPED, ' ');
  const paragraphs: string[] = [];
  let current = '';
  let preDepth = 0;
  let hadPre = false;
  const flush = () => {
    // Preformatted text keeps its inner spacing; other text has been collapsed already.
    const tidy = (l: string) => (hadPre ? l.replace(/\s+$/, '') : l.replace(/[ \t\f\r\u00a0]+/g, ' ').trim());
    const text = current.split('\n').map(tidy).filter((l) => l.trim() !== '').join('\n');
    if (text) paragraphs.push(text);
    current = '';
    hadPre = false;
  };
  const tag = /<(\/?)([a-zA-Z][\w:-]*)\b[^>]*?>/g;
  let last = 0;
  for (let m = tag.exec(source); m; m = tag.exec(source)) {
    current += textOf(source.slice(last, m.index), preDepth > 0);
    hadPre ||= preDepth > 0;
    last = tag.lastIndex;
    const closing = m[1] === '/';
    const name = m[2]!.toLowerCase();
    if (name === 'br') current += '\n';
    else if (name === 'pre') preDepth = Math.max(0, preDepth + (closing ? -1 : 1));
    if (BLOCK_TAGS.has(name)) {
      flush();
      if (name === 'li' && !closing) current = '\u2022 ';
    } else if (name === 'td' || name === 'th' || name === 'img') current += ' ';
  }
  current += textOf(source.slice(last), preDepth > 0);
  flush();
  return paragraphs.filter((p) => p !== '\u2022').join('\n\n');
}

function textOf(raw: string, pre: boolean): string {
  // A stray "<" that starts no tag stays text; whitespace collapses outside <pre>.
  const text = decodeEntities(raw.replace(/<\/?[a-zA-Z][^>]*$/, ''));
  // A word hyphenated across a source line break ("practi-\ntioners") is joined.
  return pre ? text : text.replace(/(\p{L})-[ \t]*\r?\n\s*(\p{Ll})/gu, '$1$2').replace(/\s+/g, ' ');
}
