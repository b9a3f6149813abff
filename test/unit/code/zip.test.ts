import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  deterministicZip,
  diffEntries,
  NotAZipError,
  readZipEntries,
} from '../../../src/code/zip.js';

const bytes = (s: string) => new TextEncoder().encode(s);
const reader = (zip: Uint8Array) => async (start: number, length: number) =>
  zip.subarray(start, start + length);

describe('deterministic plugin zips', () => {
  const files = () =>
    new Map([
      ['operators/hello.py', bytes('class Hello: pass\n')],
      ['__init__.py', bytes('')],
      ['hooks/a.py', bytes('x = 1\n')],
    ]);

  it('gives the same bytes for the same files, whatever their order and the time zone', () => {
    const first = deterministicZip(files());
    const reversed = deterministicZip(new Map([...files()].reverse()));
    const tz = process.env.TZ;
    process.env.TZ = 'Pacific/Kiritimati';
    try {
      const elsewhere = deterministicZip(files());
      expect(Buffer.from(elsewhere).equals(Buffer.from(first))).toBe(true);
    } finally {
      process.env.TZ = tz;
    }
    expect(Buffer.from(reversed).equals(Buffer.from(first))).toBe(true);
  });

  it('lists the entries sorted, with CRC-32 and size, from the central directory', async () => {
    const zip = deterministicZip(files());
    const entries = await readZipEntries(reader(zip), zip.length);
    expect(entries.map((e) => [e.name, e.size])).toEqual([
      ['__init__.py', 0],
      ['hooks/a.py', 6],
      ['operators/hello.py', 18],
    ]);
  });

  it('reads a ZIP64 archive made by another tool (Python zipfile)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zip64-'));
    try {
      const path = join(dir, 'p.zip');
      execFileSync('python3', [
        '-c',
        'import sys, zipfile\nwith zipfile.ZipFile(sys.argv[1], "w") as z:\n  for n in ("b.py", "dir/", "a.py"):\n    with z.open(n, "w", force_zip64=True) as f: f.write(n.encode())',
        path,
      ]);
      const zip = new Uint8Array(readFileSync(path));
      const entries = await readZipEntries(reader(zip), zip.length);
      expect(entries.map((e) => [e.name, e.size])).toEqual([
        ['b.py', 4],
        ['a.py', 4],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses bytes that are not a zip', async () => {
    const junk = bytes('not a zip, just text long enough to be looked at');
    await expect(readZipEntries(reader(junk), junk.length)).rejects.toBeInstanceOf(NotAZipError);
  });

  it('compares entries by name, CRC-32 and size', () => {
    const d = diffEntries(
      [
        { name: 'a', crc32: 1, size: 1 },
        { name: 'b', crc32: 2, size: 2 },
        { name: 'c', crc32: 3, size: 3 },
      ],
      [
        { name: 'a', crc32: 1, size: 1 },
        { name: 'b', crc32: 9, size: 2 },
        { name: 'd', crc32: 4, size: 4 },
      ],
    );
    expect(d).toEqual({ added: ['d'], changed: ['b'], removed: ['c'] });
  });
});
