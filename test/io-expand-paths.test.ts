import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandPaths, type ExpandedInput } from '../src/io/expand-paths';

let root: string;
const files = ['b.pdf', 'a.txt', 'notes.xyz', 'sub/z.docx', 'sub/deeper/y.md', 'sub/x.HTML', '.hidden/secret.txt', 'data/r.jsonl', 'data/r.csv'];

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'io-expand-'));
  for (const f of files) {
    mkdirSync(join(root, f, '..'), { recursive: true });
    writeFileSync(join(root, f), 'text');
  }
  mkdirSync(join(root, 'empty-folder'));
  symlinkSync(join(root, 'gone.txt'), join(root, 'sub', 'broken.txt'));
  symlinkSync(join(root, 'sub'), join(root, 'linked-folder'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const rel2 = (base: string, items: ExpandedInput[]) => items.map((i) => (i.kind === 'file' ? relative(base, i.path) : `error:${i.record.error.code}`));
const rel = (items: ExpandedInput[]) => items.map((i) => (i.kind === 'file' ? relative(root, i.path) : `error:${i.record.error.code}:${i.record.path}`));

describe('expandPaths', () => {
  it('walks a folder recursively in sorted order, supported extensions only, hidden entries and symlinked folders skipped', async () => {
    expect(rel(await expandPaths([root]))).toEqual(['a.txt', 'b.pdf', 'data/r.csv', 'data/r.jsonl', 'sub/broken.txt', 'sub/deeper/y.md', 'sub/x.HTML', 'sub/z.docx']);
  });

  it('keeps relative paths relative to the working directory', async () => {
    const items = await expandPaths(['sub'], { cwd: root });
    expect(items.map((i) => (i.kind === 'file' ? i.path : ''))).toEqual(['sub/broken.txt', 'sub/deeper/y.md', 'sub/x.HTML', 'sub/z.docx']);
  });

  it('expands globs, sorted, supported extensions only', async () => {
    expect(rel(await expandPaths([`${root}/**/*.{pdf,docx,xyz}`]))).toEqual(['b.pdf', 'sub/z.docx']);
    expect(rel(await expandPaths(['sub/**/*'], { cwd: root }).then((items) => items.map((i) => (i.kind === 'file' ? { ...i, path: join(root, i.path) } : i))))).toEqual([
      'sub/deeper/y.md',
      'sub/x.HTML',
      'sub/z.docx',
    ]);
  });

  it('passes an explicitly named file on even when its type is unsupported, so the reader can say why', async () => {
    expect(rel(await expandPaths([join(root, 'notes.xyz')]))).toEqual(['notes.xyz']);
  });

  it('turns a path that matches nothing into an error record, in argument order', async () => {
    const items = await expandPaths([join(root, 'a.txt'), join(root, 'missing.pdf'), `${root}/nothing/**/*.pdf`, join(root, 'empty-folder'), join(root, 'b.pdf')]);
    expect(items.map((i) => (i.kind === 'file' ? 'file' : i.record.error.code))).toEqual(['file', 'FILE_NOT_FOUND', 'FILE_NOT_FOUND', 'FILE_NOT_FOUND', 'file']);
    const missing = items[1]!;
    expect(missing.kind === 'error' && missing.record).toMatchObject({ id: join(root, 'missing.pdf'), path: join(root, 'missing.pdf') });
    const empty = items[3]!;
    expect(empty.kind === 'error' && empty.record.error.message).toMatch(/no files of a supported type/);
  });

  it('lists a file reached twice only once (first place wins)', async () => {
    expect(rel(await expandPaths([join(root, 'b.pdf'), `${root}/*.pdf`, join(root, 'sub', '..', 'b.pdf')]))).toEqual(['b.pdf']);
  });

  it('lists a folder named like a document so the reader reports it, and still walks it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'io-expand-odd-'));
    try {
      mkdirSync(join(dir, 'odd.pdf'));
      writeFileSync(join(dir, 'a.txt'), 'text');
      expect(rel2(dir, await expandPaths([dir]))).toEqual(['a.txt', 'odd.pdf']);
      writeFileSync(join(dir, 'odd.pdf', 'inner.txt'), 'text');
      expect(rel2(dir, await expandPaths([dir]))).toEqual(['a.txt', 'odd.pdf', 'odd.pdf/inner.txt']);
      expect(rel2(dir, await expandPaths([join(dir, 'odd.pdf')]))).toEqual(['odd.pdf/inner.txt']);
      rmSync(join(dir, 'odd.pdf', 'inner.txt'));
      expect(rel2(dir, await expandPaths([join(dir, 'odd.pdf')]))).toEqual(['odd.pdf']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('passes a dangling symlink named explicitly on to the reader', async () => {
    expect(rel(await expandPaths([join(root, 'sub', 'broken.txt')]))).toEqual(['sub/broken.txt']);
  });
});
