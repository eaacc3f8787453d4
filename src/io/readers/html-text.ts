/**
 * HTML to plain text for tagging, on htmlparser2's tokenizer (a real HTML parser:
 * quoted attributes that contain ">", comments, CDATA, raw-text elements and every
 * named character reference of HTML5 are handled as browsers do). Scripts, styles,
 * the <head> and other non-prose elements are dropped; block elements become
 * paragraph breaks, <br> a line break, list items lines starting with a bullet, and
 * table cells are separated by spaces. Pure: no IO.
 */
import { createRequire } from 'node:module';
import type { Parser as HtmlParser } from 'htmlparser2';

// htmlparser2 (with its entity tables) is loaded on first use: importing it costs about
// 30 ms, which every importer of practice-themes/node would pay at start-up otherwise.
let parserClass: typeof HtmlParser | undefined;
const Parser = function (...args: ConstructorParameters<typeof HtmlParser>): HtmlParser {
  parserClass ??= (createRequire(import.meta.url)('htmlparser2') as typeof import('htmlparser2')).Parser;
  return new parserClass(...args);
} as unknown as typeof HtmlParser;

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'html',
  'legend', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul',
]);
// Elements whose content is never prose.
const DROPPED = new Set(['script', 'style', 'head', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'title']);
// Inline elements that still separate words.
const SPACED = new Set(['td', 'th', 'img']);

/** Decodes HTML character references (`&amp;`, `&#8212;`, `&Eacute;`, ...) as an HTML parser does in text. */
export function decodeEntities(text: string): string {
  let out = '';
  const parser = new Parser({ ontext: (chunk) => (out += chunk) }, { decodeEntities: true, xmlMode: false });
  // Escaped "<" so the text is never read as markup; only references are decoded.
  parser.end(text.replace(/</g, '&lt;'));
  return out;
}

/** Plain text of an HTML document (see module comment). */
export function htmlToText(html: string): string {
  const paragraphs: string[] = [];
  let current = '';
  let pending = '';
  let preDepth = 0;
  let droppedDepth = 0;
  let hadPre = false;
  // Text between two tags is handled as one piece, so a word hyphenated across a
  // source line break is joined even when the parser reports the text in parts.
  const takeText = () => {
    if (pending) current += textOf(pending, preDepth > 0);
    hadPre ||= pending !== '' && preDepth > 0;
    pending = '';
  };
  const flush = () => {
    takeText();
    // Preformatted text keeps its inner spacing; other text has been collapsed already.
    const tidy = (l: string) => (hadPre ? l.replace(/\s+$/, '') : l.replace(/[ \t\f\r\u00a0]+/g, ' ').trim());
    const text = current.split('\n').map(tidy).filter((l) => l.trim() !== '').join('\n');
    if (text) paragraphs.push(text);
    current = '';
    hadPre = false;
  };
  const tag = (name: string, opening: boolean) => {
    if (DROPPED.has(name)) {
      droppedDepth = Math.max(0, droppedDepth + (opening ? 1 : -1));
      return;
    }
    if (droppedDepth > 0) return;
    takeText();
    if (name === 'br' && opening) current += '\n';
    else if (name === 'pre') preDepth = Math.max(0, preDepth + (opening ? 1 : -1));
    if (BLOCK_TAGS.has(name)) {
      flush();
      if (name === 'li' && opening) current = '\u2022 ';
    } else if (SPACED.has(name)) current += ' ';
  };
  const parser = new Parser(
    {
      onopentagname: (name) => tag(name, true),
      onclosetag: (name) => tag(name, false),
      ontext: (text) => {
        if (droppedDepth === 0) pending += text;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: false },
  );
  parser.end(html);
  flush();
  return paragraphs.filter((p) => p !== '\u2022').join('\n\n');
}

function textOf(text: string, pre: boolean): string {
  // A word hyphenated across a source line break ("practi-\ntioners") is joined; whitespace collapses outside <pre>.
  return pre ? text : text.replace(/(\p{L})-[ \t]*\r?\n\s*(\p{Ll})/gu, '$1$2').replace(/\s+/g, ' ');
}
