/**
 * Tiny valid PNG files, built in memory: an RGB image of one colour with a darker diagonal, so each
 * generated screenshot has distinct bytes. The pixel data goes in "stored" (uncompressed) deflate
 * blocks, which keeps the bytes identical across zlib versions.
 */

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Deflate stored blocks hold at most this many bytes each. */
const STORED_BLOCK_MAX = 0xffff;
const BYTES_PER_PIXEL = 3;

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/** A `width` x `height` RGB PNG of `colour`. Pure. */
export function createPng(width: number, height: number, colour: Rgb): Uint8Array {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit depth, colour type 2 (RGB), default compression/filter, no interlace
  return concat([
    Uint8Array.from(PNG_SIGNATURE),
    chunk("IHDR", header),
    chunk("IDAT", zlibStored(pixelRows(width, height, colour))),
    chunk("IEND", new Uint8Array(0)),
  ]);
}

function pixelRows(width: number, height: number, colour: Rgb): Uint8Array {
  const rowLength = 1 + width * BYTES_PER_PIXEL;
  const rows = new Uint8Array(rowLength * height);
  for (let y = 0; y < height; y++) {
    rows[y * rowLength] = 0; // filter type "none"
    for (let x = 0; x < width; x++) {
      const offset = y * rowLength + 1 + x * BYTES_PER_PIXEL;
      const shade = x === y ? 2 : 1;
      rows[offset] = Math.floor(colour.r / shade);
      rows[offset + 1] = Math.floor(colour.g / shade);
      rows[offset + 2] = Math.floor(colour.b / shade);
    }
  }
  return rows;
}

function zlibStored(data: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [Uint8Array.from([0x78, 0x01])];
  let offset = 0;
  do {
    const length = Math.min(STORED_BLOCK_MAX, data.length - offset);
    const last = offset + length >= data.length ? 1 : 0;
    parts.push(Uint8Array.from([last, length & 0xff, length >>> 8, ~length & 0xff, (~length >>> 8) & 0xff]));
    parts.push(data.subarray(offset, offset + length));
    offset += length;
  } while (offset < data.length);
  parts.push(uint32(adler32(data)));
  return concat(parts);
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const typeBytes = Uint8Array.from(type, (c) => c.charCodeAt(0));
  const body = concat([typeBytes, data]);
  return concat([uint32(data.length), body, uint32(crc32(body))]);
}

const CRC_TABLE = buildCrcTable();

function buildCrcTable(): Uint32Array {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

/** CRC-32 as PNG chunks use it. */
export function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function adler32(data: Uint8Array): number {
  const MOD = 65521;
  let a = 1;
  let b = 0;
  for (const byte of data) {
    a = (a + byte) % MOD;
    b = (b + a) % MOD;
  }
  return ((b << 16) | a) >>> 0;
}

function uint32(value: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, value >>> 0);
  return bytes;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
