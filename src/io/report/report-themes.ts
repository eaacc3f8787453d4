/**
 * The themes a report shows: their ids in column order, the name people read for
 * each (a taxonomy's label, or the id itself), and each one's colour. Ids stay in
 * data attributes and tooltips, so filters and scripts work on ids. Pure.
 */
import { escapeHtml } from './report-escape';

/** Theme ids, display names and colours of one report. */
export interface ReportThemes {
  /** Theme ids, in column order. */
  readonly ids: readonly string[];
  /** The name shown for a theme: its label, or its id when it has none. */
  label(id: string): string;
  /** The theme's colour class index (c0..c9; 0 for an id not in `ids`). */
  colour(id: string): number;
  /** ` title="id"` (escaped) when the theme shows a label other than its id, else ''. */
  idTitle(id: string): string;
}

/** The report themes of `ids`, named by `labels` (theme id -> label) where given. */
export function reportThemes(ids: readonly string[], labels: Readonly<Record<string, string>> = {}): ReportThemes {
  const index = new Map(ids.map((id, i) => [id, i]));
  const label = (id: string) => (Object.hasOwn(labels, id) && labels[id] ? labels[id]! : id);
  return {
    ids,
    label,
    colour: (id) => (index.get(id) ?? 0) % 10,
    idTitle: (id) => (label(id) === id ? '' : ` title="${escapeHtml(id)}"`),
  };
}
