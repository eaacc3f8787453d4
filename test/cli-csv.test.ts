// `tag --format csv` keeps every score at full precision: the CSV a notebook reads holds
// the same numbers as the JSON output (built CLI).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = new URL('..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'pt-csv-'));
const run = (args: readonly string[]) => spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), ...args], { encoding: 'utf8', cwd: ROOT });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Parses simple CSV rows (no quoted commas in the columns compared here). */
const rows = (csv: string) => {
  const [header, ...lines] = csv.trim().split(/\r?\n/).map((l) => l.split(','));
  return lines.map((cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i]!])));
};

describe('tag --format csv', () => {
  it.each([['document'], ['sentence']] as const)('--level %s: scores equal the JSON scores exactly', (level) => {
    const file = join(dir, `${level}.txt`);
    writeFileSync(file, 'The GP was not told that the family had moved. Nobody asked the children what a day at home was like.');
    const json = run(['tag', file, '--level', level]);
    const csv = run(['tag', file, '--level', level, '--format', 'csv']);
    expect(json.status, json.stderr).toBe(0);
    expect(csv.status, csv.stderr).toBe(0);
    const records = json.stdout.trim().split('\n').map((l) => JSON.parse(l) as { scores: Record<string, number | { score: number }> });
    const table = rows(csv.stdout);
    expect(table).toHaveLength(records.length);
    let compared = 0;
    records.forEach((record, i) => {
      for (const [theme, value] of Object.entries(record.scores)) {
        const score = typeof value === 'number' ? value : value.score;
        expect(Number(table[i]![`${theme}_score`]), theme).toBe(score);
        compared++;
      }
    });
    expect(compared).toBeGreaterThan(0);
  });
});
