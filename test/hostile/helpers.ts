/** Shared pieces of the hostile-input tests: in-memory CLI streams and a deterministic byte source. */
import { Readable, Writable } from 'node:stream';
import { main } from '../../src/cli';

/** A writable that keeps what it is given. */
export class Capture extends Writable {
  text = '';
  isTTY = false;
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

/** Runs the CLI in-process with `stdin` as its input. */
export async function runCli(args: readonly string[], stdin: Buffer | string = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new Capture();
  const stderr = new Capture();
  const input = Readable.from([typeof stdin === 'string' ? Buffer.from(stdin) : stdin]);
  const code = await main(args, { stdin: input, stdout, stderr });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** Deterministic pseudo-random bytes (xorshift32), so a failure reproduces. */
export function pseudoRandomBytes(length: number, seed = 1): Buffer {
  const out = Buffer.alloc(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}
