/**
 * Draws the toolbar icon (two overlapping pages, the front one highlighted)
 * into assets/public/icon/*.png. Run with `npx tsx scripts/make-icons.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

type RGBA = [number, number, number, number];

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size: number, pixel: (x: number, y: number) => RGBA): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const inRect = (u: number, v: number, x0: number, y0: number, x1: number, y1: number, r: number) => {
  const dx = Math.max(x0 + r - u, 0, u - (x1 - r));
  const dy = Math.max(y0 + r - v, 0, v - (y1 - r));
  return dx * dx + dy * dy <= r * r;
};

// Shapes in a 0..1 square, painted back to front.
function shade(u: number, v: number): RGBA | null {
  const line = (y: number, x1: number) => v > y && v < y + 0.055 && u > 0.42 && u < x1;
  if (inRect(u, v, 0.3, 0.2, 0.9, 0.95, 0.06)) {
    if (line(0.36, 0.78) || line(0.5, 0.82) || line(0.64, 0.74) || line(0.78, 0.8)) return v > 0.47 && v < 0.72 ? [122, 92, 199, 255] : [89, 99, 110, 255];
    if (inRect(u, v, 0.33, 0.23, 0.87, 0.92, 0.04)) return [255, 255, 255, 255];
    return [31, 35, 40, 255];
  }
  if (inRect(u, v, 0.1, 0.05, 0.7, 0.8, 0.06)) {
    if (inRect(u, v, 0.13, 0.08, 0.67, 0.77, 0.04)) return [246, 229, 180, 255];
    return [31, 35, 40, 255];
  }
  return null;
}

mkdirSync('assets/public/icon', { recursive: true });
for (const size of [16, 32, 48, 128]) {
  const ss = 4;
  const img = png(size, (x, y) => {
    let r = 0,
      g = 0,
      b = 0,
      a = 0;
    for (let i = 0; i < ss; i++)
      for (let j = 0; j < ss; j++) {
        const c = shade((x + (i + 0.5) / ss) / size, (y + (j + 0.5) / ss) / size);
        if (c) {
          r += c[0];
          g += c[1];
          b += c[2];
          a += 255;
        }
      }
    const n = ss * ss;
    return a ? [Math.round(r / (a / 255)), Math.round(g / (a / 255)), Math.round(b / (a / 255)), Math.round(a / n)] : [0, 0, 0, 0];
  });
  writeFileSync(`assets/public/icon/${size}.png`, img);
}
