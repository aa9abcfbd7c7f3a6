// Draws the add-in's icons as PNG at build time, so no binary files live in git and every size the
// manifest asks for (16/32/80 for buttons, 64 IconUrl, 128 HighResolutionIconUrl; 20/24/40/48 are
// the other sizes Outlook scales from) is rendered, not resized.
import { deflateSync } from 'node:zlib';

const SIZES = [16, 20, 24, 32, 40, 48, 64, 80, 128];

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) {
    c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) {
    c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  }
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** PNG (RFC 2083), 8-bit RGBA, filter 0 on every row. */
export function encodePng(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y, size);
      const at = y * (size * 4 + 1) + 1 + x * 4;
      raw[at] = r;
      raw[at + 1] = g;
      raw[at + 2] = b;
      raw[at + 3] = a;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// A shield (blue) with a white envelope: "guard" + "mail". Coordinates are in a 0..1 square and
// sampled 4x per pixel so small sizes stay smooth.
function shade(u, v) {
  const inShield = v > 0.06 && v < 0.96 && Math.abs(u - 0.5) < 0.42 * (v < 0.55 ? 1 : 1 - (v - 0.55) / 0.41);
  if (!inShield) {
    return undefined;
  }
  const inEnvelope = u > 0.24 && u < 0.76 && v > 0.3 && v < 0.62;
  if (inEnvelope) {
    const flap = Math.abs(v - 0.3 - 0.55 * Math.min(u - 0.24, 0.76 - u)) < 0.045;
    const border = u < 0.28 || u > 0.72 || v < 0.34 || v > 0.58;
    return flap || border ? [255, 255, 255] : [31, 94, 168];
  }
  return [31, 94, 168];
}

function pixelAt(x, y, size) {
  let r = 0;
  let g = 0;
  let b = 0;
  let hits = 0;
  for (let sy = 0; sy < 4; sy++) {
    for (let sx = 0; sx < 4; sx++) {
      const colour = shade((x + (sx + 0.5) / 4) / size, (y + (sy + 0.5) / 4) / size);
      if (colour) {
        r += colour[0];
        g += colour[1];
        b += colour[2];
        hits += 1;
      }
    }
  }
  return hits === 0 ? [0, 0, 0, 0] : [r / hits, g / hits, b / hits, Math.round((hits / 16) * 255)];
}

/** @returns {Map<string, Buffer>} file name → PNG bytes */
export function renderIcons() {
  return new Map(SIZES.map(size => [`icon-${size}.png`, encodePng(size, pixelAt)]));
}
