/**
 * A tiny document model for printed reports: headings, paragraphs and tables,
 * rendered as aligned plain text (for a terminal) or as Markdown. The report
 * builders in format-sections.ts produce blocks once for both renderings.
 */

/** Column alignment. */
export type Align = 'left' | 'right';

/** One piece of a printed report. */
export type Block =
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'text'; readonly lines: readonly string[] }
  | { readonly kind: 'table'; readonly headers: readonly string[]; readonly rows: readonly (readonly string[])[]; readonly align: readonly Align[] };

/** Renders blocks as plain text: tables aligned with spaces, headings underlined. */
export function renderPlain(blocks: readonly Block[]): string {
  return (
    blocks
      .map((block) => {
        if (block.kind === 'heading') return `${block.text}\n${'='.repeat(block.text.length)}`;
        if (block.kind === 'text') return block.lines.join('\n');
        const widths = columnWidths(block.headers, block.rows);
        const line = (cells: readonly string[]): string =>
          cells.map((c, i) => pad(c, widths[i]!, block.align[i] ?? 'left')).join('  ').trimEnd();
        return [line(block.headers), widths.map((w) => '-'.repeat(w)).join('  '), ...block.rows.map(line)].join('\n');
      })
      .join('\n\n') + '\n'
  );
}

/** Renders blocks as Markdown: `##` headings, pipe tables with alignment markers. */
export function renderMarkdown(blocks: readonly Block[]): string {
  return (
    blocks
      .map((block) => {
        if (block.kind === 'heading') return `## ${block.text}`;
        if (block.kind === 'text') return block.lines.join('  \n');
        const row = (cells: readonly string[]): string => `| ${cells.map(escapeCell).join(' | ')} |`;
        const rule = `|${block.headers.map((_, i) => ((block.align[i] ?? 'left') === 'right' ? ' ---: ' : ' --- ')).join('|')}|`;
        return [row(block.headers), rule, ...block.rows.map(row)].join('\n');
      })
      .join('\n\n') + '\n'
  );
}

/** A number with a fixed number of decimals (the only rounding of the toolkit happens here). */
export function fixed(value: number | null | undefined, decimals = 3): string {
  if (value === null || value === undefined || Number.isNaN(value)) return 'n/a';
  return value.toFixed(decimals);
}

function columnWidths(headers: readonly string[], rows: readonly (readonly string[])[]): number[] {
  return headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
}

function pad(text: string, width: number, align: Align): string {
  return align === 'right' ? text.padStart(width) : text.padEnd(width);
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
