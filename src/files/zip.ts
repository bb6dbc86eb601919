/**
 * Zip archives, read entry by entry under limits: the central directory's
 * entry count and sizes are checked before anything is inflated, and the
 * inflated bytes are counted as they come, a few KB of input at a time, so
 * a zip bomb is refused with 'zip-too-large' having allocated at most a few
 * MB beyond what the limits allow. fflate inflates; the directory is read
 * here, since fflate's unzip does not give entry offsets before inflating.
 */
import { Inflate } from 'fflate';
import { normalizePath, problem } from './common';
import { INFLATE_CHUNK_BYTES, MAX_ZIP_BYTES, MAX_ZIP_ENTRIES, MAX_ZIP_TOTAL_BYTES } from './limits';
import type { Problem } from './types';

export interface ZipEntry {
  /** The name as stored, slashes normalised. */
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  /** The uncompressed size the central directory declares. */
  size: number;
  /** Offset of the entry's local header. */
  offset: number;
}

/** Thrown when the archive inflates past what it declared or past MAX_ZIP_TOTAL_BYTES. */
export class ZipTooLarge extends Error {}
/** Thrown for an entry that cannot be inflated (corrupt data, unknown method, encryption). */
export class EntryUnreadable extends Error {}

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
const u64 = (b: Uint8Array, o: number) => u32(b, o) + u32(b, o + 4) * 2 ** 32;

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Whether bytes start like a zip (a local header, or the end record of an empty archive). */
export const isZip = (b: Uint8Array): boolean => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && ((b[2] === 3 && b[3] === 4) || (b[2] === 5 && b[3] === 6));

/**
 * A path is unsafe when extracting it could leave the folder: absolute
 * (`/x`, `\x`, `C:x`), with a `..` segment, or holding control characters.
 */
export function unsafePath(name: string): boolean {
  const n = name.replace(/\\/g, '/');
  // eslint-disable-next-line no-control-regex
  return n.startsWith('/') || /^[A-Za-z]:/.test(n) || n.split('/').includes('..') || /[\u0000-\u001f]/.test(n);
}

export type Directory = { entries: ZipEntry[] } | { problem: Problem };

/**
 * The central directory's entries, or why the archive is refused: larger
 * than MAX_ZIP_BYTES, more than MAX_ZIP_ENTRIES entries (from the end
 * record, before the directory is walked), or not a zip. Zip64 sizes and
 * offsets are read.
 */
export function readDirectory(file: string, b: Uint8Array): Directory {
  if (b.length > MAX_ZIP_BYTES) return { problem: problem(file, 'zip-too-large') };
  // The end record is 22 bytes plus a comment of at most 65,535.
  let eocd = -1;
  for (let i = b.length - 22; i >= 0 && i >= b.length - 22 - 0xffff; i--)
    if (u32(b, i) === EOCD) {
      eocd = i;
      break;
    }
  if (eocd === -1) return { problem: problem(file, 'unreadable') };
  let count = u16(b, eocd + 10);
  let cdOffset = u32(b, eocd + 16);
  if ((count === 0xffff || cdOffset === 0xffffffff) && eocd >= 20 && u32(b, eocd - 20) === EOCD64_LOCATOR) {
    const at = u64(b, eocd - 12);
    if (at + 56 > b.length || u32(b, at) !== EOCD64) return { problem: problem(file, 'unreadable') };
    count = u64(b, at + 32);
    cdOffset = u64(b, at + 48);
  }
  if (count > MAX_ZIP_ENTRIES) return { problem: problem(file, 'too-many-files') };
  const entries: ZipEntry[] = [];
  const names = new TextDecoder('utf-8');
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > b.length || u32(b, p) !== CENTRAL) return { problem: problem(file, 'unreadable') };
    const flags = u16(b, p + 8);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    let compressedSize = u32(b, p + 20);
    let size = u32(b, p + 24);
    let offset = u32(b, p + 42);
    if (p + 46 + nameLen + extraLen > b.length) return { problem: problem(file, 'unreadable') };
    const name = normalizePath(names.decode(b.subarray(p + 46, p + 46 + nameLen)));
    // Zip64: the fields stored as 0xFFFFFFFF follow, in this order, in extra field 1.
    if (size === 0xffffffff || compressedSize === 0xffffffff || offset === 0xffffffff) {
      let e = p + 46 + nameLen;
      const end = e + extraLen;
      while (e + 4 <= end) {
        const id = u16(b, e);
        const len = u16(b, e + 2);
        if (id === 1) {
          let f = e + 4;
          if (size === 0xffffffff && f + 8 <= e + 4 + len) {
            size = u64(b, f);
            f += 8;
          }
          if (compressedSize === 0xffffffff && f + 8 <= e + 4 + len) {
            compressedSize = u64(b, f);
            f += 8;
          }
          if (offset === 0xffffffff && f + 8 <= e + 4 + len) offset = u64(b, f);
          break;
        }
        e += 4 + len;
      }
    }
    entries.push({ name, method: u16(b, p + 10), encrypted: (flags & 1) === 1, compressedSize, size, offset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { entries };
}

/**
 * Inflates entries while counting: an entry may not inflate past the size it
 * declared, nor the archive past MAX_ZIP_TOTAL_BYTES (both throw ZipTooLarge).
 */
export class Inflater {
  private total = 0;
  constructor(private readonly bytes: Uint8Array) {}

  read(entry: ZipEntry): Uint8Array {
    const b = this.bytes;
    if (entry.encrypted) throw new EntryUnreadable('encrypted');
    const at = entry.offset;
    if (at + 30 > b.length || u32(b, at) !== LOCAL) throw new EntryUnreadable('header');
    const start = at + 30 + u16(b, at + 26) + u16(b, at + 28);
    const end = start + entry.compressedSize;
    if (end > b.length) throw new EntryUnreadable('truncated');
    const data = b.subarray(start, end);
    if (this.total + entry.size > MAX_ZIP_TOTAL_BYTES) throw new ZipTooLarge();
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.size) throw new EntryUnreadable('size');
      this.total += entry.size;
      return data;
    }
    if (entry.method !== 8) throw new EntryUnreadable('method');
    const chunks: Uint8Array[] = [];
    let got = 0;
    const inflater = new Inflate((chunk) => {
      got += chunk.length;
      // More than declared: the directory lied, the mark of a zip bomb. Stop before keeping more.
      if (got > entry.size || this.total + got > MAX_ZIP_TOTAL_BYTES) throw new ZipTooLarge();
      if (chunk.length) chunks.push(chunk);
    });
    try {
      if (data.length === 0) inflater.push(new Uint8Array(0), true);
      for (let i = 0; i < data.length; i += INFLATE_CHUNK_BYTES)
        inflater.push(data.subarray(i, i + INFLATE_CHUNK_BYTES), i + INFLATE_CHUNK_BYTES >= data.length);
    } catch (e) {
      if (e instanceof ZipTooLarge) throw e;
      throw new EntryUnreadable('inflate');
    }
    if (got !== entry.size) throw new EntryUnreadable('size');
    this.total += got;
    if (chunks.length === 1) return chunks[0];
    const out = new Uint8Array(got);
    let o = 0;
    for (const c of chunks) out.set(c, (o += c.length) - c.length);
    return out;
  }
}
