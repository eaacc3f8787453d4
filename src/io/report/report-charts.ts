/** Inline SVG bar charts for the HTML report (no scripts, no external resources). Pure. */
import { escapeHtml } from './report-escape';

/** One bar of a chart. */
export interface Bar {
  /** Theme id (the bar's data-theme). */
  readonly theme: string;
  /** Name shown for the theme. @default the id */
  readonly label?: string;
  /** Index of the theme's colour (cycles through the palette). */
  readonly colour: number;
  /** Bar length as a share of the longest possible bar (0..1). */
  readonly fraction: number;
  /** Text printed after the bar: "12 (40%)". */
  readonly caption: string;
}

/** Characters of a theme name that fit left of the bars. */
const MAX_LABEL = 30;

/** A horizontal bar chart, one row per theme; bars carry class "bar" and data-theme (the id); rows show the label. */
export function renderBarChart(title: string, className: string, bars: readonly Bar[]): string {
  const row = 30;
  const labelWidth = 210;
  const barMax = 330;
  const width = labelWidth + barMax + 110;
  const height = bars.length * row + 10;
  const rows = bars
    .map((bar, i) => {
      const y = 5 + i * row;
      const length = Math.max(bar.fraction > 0 ? 2 : 0, Math.round(Math.min(1, Math.max(0, bar.fraction)) * barMax));
      const name = bar.label ?? bar.theme;
      // A labelled theme keeps its id in the tooltip; a long name is shortened to fit left of the bars.
      const tip = escapeHtml(name === bar.theme ? name : `${name} (${bar.theme})`);
      const shown = escapeHtml(name.length > MAX_LABEL ? `${name.slice(0, MAX_LABEL - 1)}\u2026` : name);
      const theme = escapeHtml(bar.theme);
      return (
        `<g class="row" data-theme="${theme}"><title>${tip}</title>` +
        `<text x="${labelWidth - 8}" y="${y + 19}" text-anchor="end" class="label">${shown}</text>` +
        `<rect class="bar c${bar.colour % 10}" data-theme="${theme}" x="${labelWidth}" y="${y + 4}" width="${length}" height="${row - 10}" rx="3">` +
        `<title>${tip}: ${escapeHtml(bar.caption)}</title></rect>` +
        `<text x="${labelWidth + length + 6}" y="${y + 19}" class="value">${escapeHtml(bar.caption)}</text></g>`
      );
    })
    .join('');
  return (
    `<figure class="chart"><figcaption>${escapeHtml(title)}</figcaption>` +
    `<svg class="${escapeHtml(className)}" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">` +
    `${rows}</svg></figure>`
  );
}
