/** Human-readable rendering of a tag result (the quick start's `--format text`). */
import type { Evidence, TagResult } from '../result-schema';

/** Renders document themes with scores, sources and their strongest evidence; `names` labels theme ids (a taxonomy's). */
export function formatResultText(result: TagResult, label: string, names: Readonly<Record<string, string>> = {}): string {
  const name = (theme: string) => (names[theme] && names[theme] !== theme ? `${theme} (${names[theme]})` : theme);
  const lines: string[] = [];
  lines.push(`${label}: ${result.meta.sentenceCount} sentences; themes: ${result.themes.length ? result.themes.join(', ') : '(none)'}`);
  for (const [theme, doc] of Object.entries(result.document)) {
    if (!doc.tagged) continue;
    lines.push('');
    lines.push(`  ${name(theme)}  score ${doc.score.toFixed(2)} (${doc.source}), ${doc.sentences} sentence(s), ${(doc.share * 100).toFixed(0)}% of the text`);
    for (const e of doc.evidence) lines.push(`    ${describe(e)}`);
  }
  const untagged = Object.entries(result.document).filter(([, d]) => !d.tagged);
  if (untagged.length) {
    lines.push('');
    lines.push(`  not tagged: ${untagged.map(([t, d]) => `${name(t)} ${d.score.toFixed(2)}`).join(', ')}`);
  }
  return lines.join('\n') + '\n';
}

function describe(e: Evidence): string {
  const where = `${e.page ? `p.${e.page} ` : ''}[${e.start}-${e.end}]`;
  const quote = JSON.stringify(e.text.length > 90 ? `${e.text.slice(0, 87)}...` : e.text);
  return e.kind === 'rule'
    ? `rule ${e.ruleId} (weight ${e.weight}) ${where} ${quote}`
    : `feature "${e.feature}" (+${e.weight.toFixed(2)} log-odds) ${where} ${quote}`;
}
