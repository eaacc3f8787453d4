/**
 * Light Markdown stripping that keeps offsets: syntax characters (heading hashes,
 * emphasis marks, link targets, code fences, HTML tags, table pipes) are replaced
 * by spaces of the same length, so an offset into the result is the same offset
 * into the .md file. List bullets become "•". Pure.
 */

const blank = (s: string): string => s.replace(/[^\n]/g, ' ');

/** The Markdown source with syntax masked by spaces (same length, same line breaks). */
export function maskMarkdown(source: string): string {
  // Multi-line constructs first: HTML comments.
  let text = source.replace(/<!--[\s\S]*?-->/g, blank);
  const lines = text.split('\n');
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fence !== undefined) {
      if (fenceMatch && fenceMatch[1]![0] === fence[0] && fenceMatch[1]!.length >= fence.length) fence = undefined;
      lines[i] = blank(line);
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1];
      lines[i] = blank(line);
      continue;
    }
    lines[i] = maskLine(line);
  }
  return lines.join('\n');
}

function maskLine(line: string): string {
  // Whole-line syntax: rules, setext underlines, table alignment rows, link definitions.
  if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line) || /^\s{0,3}=+\s*$/.test(line)) return blank(line);
  if (/^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/.test(line)) return blank(line);
  if (/^\s{0,3}\[[^\]]+\]:\s*\S+/.test(line)) return blank(line);
  let out = line
    .replace(/^(\s{0,3})(#{1,6})(\s+)/, (_, a: string, h: string, b: string) => a + blank(h) + b)
    .replace(/(\s+#+\s*)$/, (m: string) => (/^\s*#/.test(line) ? blank(m) : m))
    .replace(/^(\s*>)+\s?/, blank)
    .replace(/^(\s*)[-*+](\s+)/, '$1\u2022$2');
  // Tables: cell separators become spaces.
  if (/^\s*\|.*\|\s*$/.test(out)) out = out.replace(/\|/g, ' ');
  return maskInline(out);
}

function maskInline(line: string): string {
  return line
    .replace(/\\([\\`*_{}[\]()#+\-.!|>])/g, ' $1')
    .replace(/<\/?[a-zA-Z][^>]*>/g, blank)
    .replace(/!\[([^\]]*)\]\(([^)]*)\)/g, (_, alt: string, url: string) => `  ${alt}${blank(`](${url})`)}`)
    .replace(/\[([^\]]+)\]\(([^)]*)\)/g, (_, label: string, url: string) => ` ${label}${blank(`](${url})`)}`)
    .replace(/\[([^\]]+)\]\[([^\]]*)\]/g, (_, label: string, ref: string) => ` ${label}${blank(`][${ref}]`)}`)
    .replace(/(`+)([^`]+?)\1/g, (_, ticks: string, code: string) => blank(ticks) + code + blank(ticks))
    .replace(/(\*\*|__)(?=\S)([^\n]*?\S)\1/g, (_, mark: string, inner: string) => blank(mark) + inner + blank(mark))
    .replace(/(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*(?![\w*])/g, (_, pre: string, inner: string) => `${pre} ${inner} `)
    .replace(/(^|[^\w])_(?=\S)([^_\n]*?\S)_(?!\w)/g, (_, pre: string, inner: string) => `${pre} ${inner} `);
}
