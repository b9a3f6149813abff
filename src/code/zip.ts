/**
 * Zips: a folder zipped deterministically (the same files give the same bytes, so an unchanged
 * plugins folder never looks changed), and the entries of a zip read from its central directory
 * alone (PKWARE APPNOTE 4.3.12-4.3.16, with the ZIP64 records of 4.3.14-4.3.15), so the plan can
 * compare a bucket's plugins.zip with the local one by reading only its last bytes.
 */
import { zipSync } from 'fflate';
import type { Zippable } from 'fflate';

/** One entry as the central directory lists it; content is compared by CRC-32 and size. */
export interface ZipEntry {
  readonly name: string;
  readonly crc32: number;
  readonly size: number;
}

/** Raised when bytes that should be a zip are not one. */
export class NotAZipError extends Error {}

// DOS times start in 1980. fflate writes the Date's local-time fields, so a Date built from local
// fields gives the same bytes in every time zone.
const FIXED_TIME = new Date(1980, 0, 1, 0, 0, 0);
const UNIX = 3;
const FILE_MODE = 0o100644 << 16;

/**
 * Zips files given as (path relative to the folder, with `/`) → bytes: entries sorted by path
 * (byte order), every time 1980-01-01 00:00, mode 0644, Unix as the origin, deflate level 6.
 */
export function deterministicZip(files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const tree: Zippable = {};
  const names = [...files.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) {
    tree[name] = [files.get(name)!, { mtime: FIXED_TIME, os: UNIX, attrs: FILE_MODE, level: 6 }];
  }
  return zipSync(tree, { mtime: FIXED_TIME });
}

/** Reads `length` bytes at `start` of a zip of `size` bytes (a slice, or an S3 ranged GET). */
export type ReadRange = (start: number, length: number) => Promise<Uint8Array>;

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;
/** The end record is 22 bytes, followed by a comment of at most 65,535. */
const TAIL = 22 + 0xffff;

/** The entries of a zip of `size` bytes, from its central directory only. */
export async function readZipEntries(read: ReadRange, size: number): Promise<ZipEntry[]> {
  if (size < 22) throw new NotAZipError(`${size} bytes is too short for a zip`);
  const tailStart = Math.max(0, size - TAIL);
  const tail = view(await read(tailStart, size - tailStart));
  let at = -1;
  for (let i = tail.byteLength - 22; i >= 0; i--) {
    if (tail.getUint32(i, true) === EOCD) {
      at = i;
      break;
    }
  }
  if (at < 0) throw new NotAZipError('no end of central directory record');
  let count = tail.getUint16(at + 10, true);
  let cdSize = tail.getUint32(at + 12, true);
  let cdOffset = tail.getUint32(at + 16, true);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const locator = at - 20;
    if (locator < 0 || tail.getUint32(locator, true) !== ZIP64_LOCATOR) {
      throw new NotAZipError('ZIP64 sizes without a ZIP64 locator');
    }
    const recordAt = Number(tail.getBigUint64(locator + 8, true));
    const record = view(await read(recordAt, 56));
    if (record.getUint32(0, true) !== ZIP64_EOCD) throw new NotAZipError('bad ZIP64 end record');
    count = Number(record.getBigUint64(32, true));
    cdSize = Number(record.getBigUint64(40, true));
    cdOffset = Number(record.getBigUint64(48, true));
  }
  if (cdOffset + cdSize > size) throw new NotAZipError('the central directory lies past the end');
  const cd =
    cdOffset >= tailStart && cdOffset + cdSize <= size
      ? new DataView(tail.buffer, tail.byteOffset + cdOffset - tailStart, cdSize)
      : view(await read(cdOffset, cdSize));
  return parseCentralDirectory(cd, count);
}

function parseCentralDirectory(cd: DataView, count: number): ZipEntry[] {
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  let p = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > cd.byteLength || cd.getUint32(p, true) !== CENTRAL_HEADER) {
      throw new NotAZipError(`central directory entry ${n + 1} of ${count} is damaged`);
    }
    const crc32 = cd.getUint32(p + 16, true);
    let size = cd.getUint32(p + 24, true);
    const nameLength = cd.getUint16(p + 28, true);
    const extraLength = cd.getUint16(p + 30, true);
    const commentLength = cd.getUint16(p + 32, true);
    const nameBytes = new Uint8Array(cd.buffer, cd.byteOffset + p + 46, nameLength);
    const name = decoder.decode(nameBytes);
    if (size === 0xffffffff) size = zip64Size(cd, p + 46 + nameLength, extraLength) ?? size;
    p += 46 + nameLength + extraLength + commentLength;
    // Folders are entries too; their content is their files.
    if (!name.endsWith('/')) entries.push({ name, crc32, size });
  }
  return entries;
}

/** The uncompressed size from a ZIP64 extended-information extra field (ID 0x0001). */
function zip64Size(cd: DataView, start: number, length: number): number | undefined {
  for (let p = start; p + 4 <= start + length;) {
    const id = cd.getUint16(p, true);
    const size = cd.getUint16(p + 2, true);
    if (id === 0x0001 && size >= 8) return Number(cd.getBigUint64(p + 4, true));
    p += 4 + size;
  }
  return undefined;
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Entries of two zips compared by name, then CRC-32 and size; each list sorted. */
export function diffEntries(
  before: readonly ZipEntry[],
  after: readonly ZipEntry[],
): { added: string[]; changed: string[]; removed: string[] } {
  const old = new Map(before.map((e) => [e.name, e]));
  const now = new Map(after.map((e) => [e.name, e]));
  const added: string[] = [];
  const changed: string[] = [];
  for (const [name, e] of now) {
    const o = old.get(name);
    if (!o) added.push(name);
    else if (o.crc32 !== e.crc32 || o.size !== e.size) changed.push(name);
  }
  const removed = [...old.keys()].filter((name) => !now.has(name));
  return { added: added.sort(), changed: changed.sort(), removed: removed.sort() };
}
