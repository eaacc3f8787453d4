// The package as a user gets it: `npm pack`, the tarball installed into a fresh project
// (offline, from the local tarball and the npm cache), the bin run through npx and
// node_modules/.bin, the API imported from ESM and CommonJS, and the published types
// checked by a consumer's TypeScript. Needs the built dist/ (`npm test` builds first).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDocx } from './fixtures/generate-docx.mjs';
import { writePdf } from './fixtures/generate-pdf.mjs';
import { installConsumer, packPackage, REPO } from './helpers/consumer-install.mjs';

const TEXT = 'The GP was not told that the family had moved, and nobody shared the school\'s concerns.';
const work = mkdtempSync(join(tmpdir(), 'pt-install-'));
let tarball = '';
/** Plain install: no optional peers, no @types/node. */
let plain = '';
/** With the PDF/DOCX peers and @types/node, installed with --omit=optional (no native canvas for pdf.js). */
let full = '';

const run = (cwd: string, command: string, args: readonly string[], input?: string) => {
  const r = spawnSync(command, args, { cwd, input, encoding: 'utf8', env: { ...process.env, npm_config_offline: 'true', npm_config_update_notifier: 'false' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const bin = (cwd: string) => join(cwd, 'node_modules', '.bin', 'practice-themes');
const lines = (stdout: string) => stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, any>);

function writeInputs(dir: string, withBinary: boolean) {
  const folder = join(dir, 'reviews');
  mkdirSync(join(folder, 'nested'), { recursive: true });
  writeFileSync(join(dir, 'review.txt'), TEXT);
  writeFileSync(join(folder, 'a.txt'), TEXT);
  writeFileSync(join(folder, 'nested', 'b.html'), `<html><body><p data-note="a > b">${TEXT}</p></body></html>`);
  if (withBinary) {
    writePdf(join(folder, 'c.pdf'), [{ body: [TEXT] }]);
    writeDocx(join(folder, 'd.docx'), [TEXT]);
  }
}

beforeAll(() => {
  expect(existsSync(join(REPO, 'dist', 'cli.js')), 'run npm run build first').toBe(true);
  tarball = packPackage(work);
  plain = installConsumer(tarball, { dir: join(work, 'plain') });
  full = installConsumer(tarball, { dir: join(work, 'full'), extra: ['pdfjs-dist', 'mammoth', '@types/node'], omitOptional: true });
  writeInputs(plain, true);
  writeInputs(full, true);
}, 240_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packed package, installed from its tarball', () => {
  it('ships its licence, code, models and schemas, and no source maps or sources', () => {
    const files = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).stdout.split('\n');
    expect(files).toEqual(expect.arrayContaining(['package/LICENSE', 'package/dist/cli.js', 'package/models/default-model.json', 'package/schemas/tag-result.schema.json']));
    expect(files.filter((f) => f.endsWith('.map') || f.startsWith('package/src/'))).toEqual([]);
  });

  it.each([
    ['npx', (cwd: string, args: string[], input?: string) => run(cwd, 'npx', ['--no-install', 'practice-themes', ...args], input)],
    ['node_modules/.bin', (cwd: string, args: string[], input?: string) => run(cwd, bin(cwd), args, input)],
  ])('runs through %s: --help, tag on stdin, a file and a folder', (_how, cli) => {
    const help = cli(plain, ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Commands:/);

    const stdin = cli(plain, ['tag'], TEXT);
    expect(stdin.code, stdin.stderr).toBe(0);
    expect(JSON.parse(stdin.stdout).themes).toContain('information-sharing');

    const file = cli(plain, ['tag', 'review.txt']);
    expect(file.code, file.stderr).toBe(0);
    expect(lines(file.stdout)).toMatchObject([{ id: 'review.txt', themes: expect.arrayContaining(['information-sharing']) }]);

    const folder = cli(full, ['tag', 'reviews', '--jobs', '1']);
    expect(folder.code, folder.stderr).toBe(0);
    const records = lines(folder.stdout);
    expect(records.map((r) => r.path).sort()).toEqual(['reviews/a.txt', 'reviews/c.pdf', 'reviews/d.docx', 'reviews/nested/b.html']);
    for (const r of records) expect(r.themes, r.path).toContain('information-sharing');
  });

  it('imports from ESM and CommonJS without the optional peers', () => {
    const esm = run(plain, process.execPath, ['--input-type=module', '-e', `
      import { createTagger, isPracticeThemesError } from 'practice-themes';
      import { loadDefaultTagger } from 'practice-themes/node';
      const tagger = await loadDefaultTagger();
      const result = tagger.tag(${JSON.stringify(TEXT)});
      console.log(JSON.stringify({ themes: result.themes, create: typeof createTagger, guard: typeof isPracticeThemesError }));`]);
    expect(esm.code, esm.stderr).toBe(0);
    expect(JSON.parse(esm.stdout)).toMatchObject({ themes: expect.arrayContaining(['information-sharing']), create: 'function', guard: 'function' });
    const cjs = run(plain, process.execPath, ['-e', `
      const { isPracticeThemesError } = require('practice-themes');
      const { loadModel } = require('practice-themes/node');
      loadModel('missing.json').catch((e) => console.log(isPracticeThemesError(e) ? e.code : 'not ours'));`]);
    expect(cjs.code, cjs.stderr).toBe(0);
    expect(cjs.stdout.trim()).toBe('FILE_NOT_FOUND');
  });

  it('without the optional peers, a PDF or DOCX is an error record that says what to install; the rest is tagged', () => {
    expect(existsSync(join(plain, 'node_modules', 'pdfjs-dist'))).toBe(false);
    const r = run(plain, bin(plain), ['tag', 'reviews', '--jobs', '1']);
    expect(r.code).toBe(1);
    const byPath = Object.fromEntries(lines(r.stdout).map((l) => [l.path, l]));
    expect(byPath['reviews/c.pdf']?.error).toMatchObject({ code: 'MISSING_DEPENDENCY', message: expect.stringMatching(/npm install pdfjs-dist/) });
    expect(byPath['reviews/d.docx']?.error).toMatchObject({ code: 'MISSING_DEPENDENCY', message: expect.stringMatching(/npm install mammoth/) });
    expect(byPath['reviews/a.txt']?.themes).toContain('information-sharing');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('reads PDF text without pdf.js\'s optional native canvas (installed with --omit=optional), printing no warnings', () => {
    expect(existsSync(join(full, 'node_modules', 'pdfjs-dist'))).toBe(true);
    expect(existsSync(join(full, 'node_modules', '@napi-rs', 'canvas'))).toBe(false);
    const r = run(full, bin(full), ['tag', 'reviews/c.pdf']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const [record] = lines(r.stdout);
    expect(record).toMatchObject({ path: 'reviews/c.pdf', pages: 1, themes: expect.arrayContaining(['information-sharing']) });
    expect(r.stderr).not.toMatch(/DOMMatrix|canvas|Warning/);
  });
});

// What a user's tsconfig may say. Each is checked with and without @types/node (default
// lib, which has the DOM's URL that zod's own declarations need).
const TSCONFIGS = {
  'node16 ESM': { module: 'node16', moduleResolution: 'node16', files: ['consumer.mts'] },
  'node16 CommonJS': { module: 'node16', moduleResolution: 'node16', files: ['consumer.cts'] },
  bundler: { module: 'esnext', moduleResolution: 'bundler', files: ['consumer.ts'] },
} as const;

const CONSUMER = `
import { createTagger, isPracticeThemesError, type TagResult, type ThemeScore, type Evidence, type SentenceResult } from 'practice-themes';
import { loadDefaultTagger, runBatch, type BatchIO } from 'practice-themes/node';

export async function summarise(text: string): Promise<string[]> {
  const tagger = await loadDefaultTagger({ maxEvidence: 2 });
  const result: TagResult = tagger.tag(text, { id: 'a' });
  const first: SentenceResult | undefined = result.sentences[0];
  const score: ThemeScore | undefined = first?.scores['information-sharing'];
  const probability: number | undefined = score?.probability;
  const evidence: Evidence[] = result.document['information-sharing']?.evidence ?? [];
  const rules = evidence.flatMap((e) => (e.kind === 'rule' ? [e.ruleId] : [e.feature]));
  return [...result.themes, String(probability), ...rules, typeof createTagger, String(isPracticeThemesError(null))];
}

export function batch(io: BatchIO) {
  return runBatch({ paths: ['reviews'], format: 'jsonl' }, io);
}
`;
const REQUIRE_CONSUMER = `
import pt = require('practice-themes');
import node = require('practice-themes/node');
export const guard: (e: unknown) => boolean = pt.isPracticeThemesError;
export const load: () => Promise<pt.Tagger> = () => node.loadDefaultTagger();
export type Result = pt.TagResult['sentences'][number]['scores'][string]['ruleScore'];
`;

describe('the published types, as a consumer\'s TypeScript sees them (strict, skipLibCheck off)', () => {
  const tsc = join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');
  it.each(
    Object.entries(TSCONFIGS).flatMap(([name, config]) => [
      [name, 'without @types/node', config, false] as const,
      [name, 'with @types/node', config, true] as const,
    ]),
  )('%s resolution, %s', (_name, _types, config, withNodeTypes) => {
    const dir = withNodeTypes ? full : plain;
    writeFileSync(join(dir, 'consumer.mts'), CONSUMER);
    writeFileSync(join(dir, 'consumer.ts'), CONSUMER);
    writeFileSync(join(dir, 'consumer.cts'), REQUIRE_CONSUMER);
    const tsconfig = {
      compilerOptions: {
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        target: 'es2022',
        module: config.module,
        moduleResolution: config.moduleResolution,
        types: withNodeTypes ? ['node'] : [],
      },
      files: config.files,
    };
    const file = `tsconfig.${config.module}.${config.files[0]}.json`;
    writeFileSync(join(dir, file), JSON.stringify(tsconfig));
    const r = spawnSync(process.execPath, [tsc, '-p', file], { cwd: dir, encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 120_000);

  it('hover shows plain named types, not zod internals', () => {
    const declarations = readFileSync(join(plain, 'node_modules', 'practice-themes', 'dist', 'index.d.ts'), 'utf8');
    for (const name of ['TagResult', 'ThemeScore', 'Evidence', 'SentenceResult', 'DocumentTheme']) {
      const declaration = new RegExp(`(interface|type) ${name}\\b[^\\n]*`).exec(declarations)?.[0] ?? '';
      expect(declaration, name).not.toMatch(/z\.|Zod|infer/);
      expect(declaration, name).toMatch(/interface|type .* = [A-Z'"]/);
    }
  });
});
