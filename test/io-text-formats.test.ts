import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToText } from '../src/io/readers/html-text';
import { maskMarkdown } from '../src/io/readers/markdown-text';

describe('htmlToText', () => {
  it('drops scripts, styles, comments and the head, and keeps body text', () => {
    const html = '<html><head><title>T</title><style>p{}</style></head><body><script>var x = "<p>no</p>";</script><!-- hidden --><p>Visible text.</p></body></html>';
    expect(htmlToText(html)).toBe('Visible text.');
  });

  it('makes block elements paragraphs, <br> a line break and list items bullets', () => {
    const html = '<h1>Title</h1><p>First <b>bold</b> para.</p><div>Second<br>line</div><ul><li>one</li><li>two</li></ul>';
    expect(htmlToText(html)).toBe('Title\n\nFirst bold para.\n\nSecond\nline\n\n\u2022 one\n\n\u2022 two');
  });

  it('collapses whitespace and joins words hyphenated across source lines', () => {
    expect(htmlToText('<p>The   practi-\n   tioners\n met.</p>')).toBe('The practitioners met.');
  });

  it('keeps whitespace in <pre>', () => {
    expect(htmlToText('<pre>a  b\nc</pre>')).toBe('a  b\nc');
  });

  it.each([
    ['&amp; &lt; &gt; &quot; &apos;', '& < > " \''],
    ['&#8212; &#x2014; &mdash;', '\u2014 \u2014 \u2014'],
    ['&nbsp;&pound;5 &hellip;', '\u00a0\u00a35 \u2026'],
    ['&unknown; & a < b', '&unknown; & a < b'],
    ['&Eacute;cole &eacute; &notin; &NotEqualTilde; &frac78;', '\u00c9cole \u00e9 \u2209 \u2242\u0338 \u215e'],
  ])('decodes %s', (input, expected) => {
    expect(decodeEntities(input)).toBe(expected);
  });

  it('parses attributes as HTML does: a quoted ">" is not the end of the tag', () => {
    expect(htmlToText('<p data-note="a > b">The GP was not told.</p>')).toBe('The GP was not told.');
    expect(htmlToText("<div title='x>y' class=a>Seen <span data-x=\"1>2\">twice</span>.</div>")).toBe('Seen twice.');
  });

  it('keeps the case of named entities and decodes every HTML5 name', () => {
    expect(htmlToText('<p>&Eacute;mile&nbsp;&amp; &Ccedil;a &mdash; &rarr; &hearts;</p>')).toBe('\u00c9mile & \u00c7a \u2014 \u2192 \u2665');
  });

  it('drops comments that contain markup and raw text elements', () => {
    expect(htmlToText('<p>A<!-- <p>hidden</p> --> B</p><noscript><p>no</p></noscript><textarea>x</textarea>')).toBe('A B\n\nx');
  });

  it('separates table cells', () => {
    expect(htmlToText('<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>')).toBe('a b\n\nc');
  });
});

describe('maskMarkdown', () => {
  it.each([
    ['# Heading', 'Heading'],
    ['## Heading ##', 'Heading'],
    ['**bold** and __strong__', 'bold and strong'],
    ['*em* and _em_ but snake_case_name', 'em and em but snake_case_name'],
    ['a [link](https://example.invalid/x) here', 'a link here'],
    ['![alt text](img.png)', 'alt text'],
    ['`code` span', 'code span'],
    ['> quoted line', 'quoted line'],
    ['| a | b |', 'a b'],
    ['<span>inline</span> html', 'inline html'],
    ['escaped \\* star', 'escaped * star'],
  ])('masks %s', (input, visible) => {
    const masked = maskMarkdown(input);
    expect(masked).toHaveLength(input.length);
    expect(masked.replace(/\s+/g, ' ').trim()).toBe(visible);
  });

  it('keeps every offset: each visible character stays where it was in the file', () => {
    const source = '# Review\n\nThe **health visitor** saw [Child M](#m).\n\n- missed visits\n';
    const masked = maskMarkdown(source);
    expect(masked).toHaveLength(source.length);
    const at = masked.indexOf('health visitor');
    expect(source.slice(at, at + 'health visitor'.length)).toBe('health visitor');
    expect(masked.split('\n').length).toBe(source.split('\n').length);
    expect(masked).toContain('\u2022 missed visits');
  });

  it('blanks fenced code blocks, rules and link definitions', () => {
    const source = 'Text.\n```js\nconst x = 1;\n```\n---\n[ref]: https://example.invalid\nMore.';
    expect(maskMarkdown(source).replace(/\s+/g, ' ').trim()).toBe('Text. More.');
  });
});
