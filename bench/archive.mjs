// The benchmark archive: corpus units arranged into numbered paragraphs, hard-wrapped
// like PDF text, twelve paragraphs of three units per "Review N" document. Deterministic
// (a fixed LCG), so the same corpus always gives the same archive. Shared by
// bench/run.mjs and the golden-output fixture (test/fixtures/golden/generate.mjs).

/** Builds about `targetBytes` characters of archive text from corpus units ({ text }). */
export function buildArchive(units, targetBytes) {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const parts = [];
  let size = 0;
  for (let doc = 1; size < targetBytes; doc++) {
    parts.push(`Review ${doc}\n\n`);
    for (let p = 1; p <= 12; p++) {
      const para = [];
      for (let s = 0; s < 3; s++) para.push(units[Math.floor(next() * units.length)].text);
      const text = `${doc}.${p} ${para.join(' ')}`.replace(/(.{70,90}) /g, '$1\n');
      parts.push(text + '\n\n');
      size += text.length;
    }
  }
  const archive = parts.join('');
  return { archive, documents: archive.split(/(?=Review \d+\n)/) };
}
