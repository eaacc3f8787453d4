/** The printed form of scores by subgroup (`--by FIELD`): one table, modes side by side. */
import { fixed, type Block } from './format-blocks';
import type { Breakdown } from './report-schema';

/** Scores per value of a field; with several modes, their macro F1 side by side and the no-theme counts of the last (fused). */
export function breakdownBlocks(reports: readonly { mode: string; breakdown?: Breakdown | undefined }[]): Block[] {
  const withRows = reports.filter((r): r is { mode: string; breakdown: Breakdown } => r.breakdown !== undefined);
  const first = withRows[0];
  if (!first) return [];
  const last = withRows[withRows.length - 1]!;
  const several = withRows.length > 1;
  const macroHeaders = several ? withRows.map((r) => `${r.mode} macro F1`) : ['macro F1', 'micro F1', 'exact match'];
  return [
    {
      kind: 'text',
      lines: [
        `By ${first.breakdown.field}: each value's units scored apart. Macro F1 averages the themes its gold units carry (a subgroup`,
        `rarely holds all); "no theme, tagged" counts its units with no gold theme that got a theme anyway${several ? ` (mode ${last.mode})` : ''}.`,
      ],
    },
    {
      kind: 'table',
      headers: [first.breakdown.field, 'units', ...macroHeaders, 'themes present', 'no theme, tagged'],
      rows: first.breakdown.rows.map((row, i) => {
        const fused = last.breakdown.rows[i]!;
        const scores = several ? withRows.map((r) => fixed(r.breakdown.rows[i]!.macro.f1)) : [fixed(row.macro.f1), fixed(row.micro.f1), fixed(row.exactMatch)];
        return [row.value, String(row.units), ...scores, String(row.themesPresent.length), `${fused.noThemeTagged} of ${fused.noThemeUnits}`];
      }),
      align: ['left', 'right', ...macroHeaders.map(() => 'right' as const), 'right', 'right'],
    },
  ];
}
