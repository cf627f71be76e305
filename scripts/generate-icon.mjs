// Draws the extension's Marketplace icon, media/icon.png (128×128 RGBA): an orange camera-shutter aperture, the
// "snapshot" mark, on a dark AWS-navy rounded square. Pixels are computed from the shapes' geometry with 4×4
// supersampling (smooth edges) and written as a PNG with node:zlib, so the icon can be regenerated and changed here.
// Usage: node scripts/generate-icon.mjs [out.png]
import { Buffer } from 'node:buffer';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

const size = 128;
const samples = 4;
const navy = [0x23, 0x2f, 0x3e];
const blades = [
  [0xff, 0x99, 0x00],
  [0xf5, 0x8a, 0x07],
  [0xff, 0xac, 0x31],
];
const ring = [0xff, 0x99, 0x00];

const center = size / 2;
const corner = 26; // radius of the background's rounded corners
const ringOuter = 56;
const ringInner = 51;
const disk = 46; // the blades' outer radius
const hole = 15; // the hexagonal opening's corner radius
const gap = 2.6; // width of the dark lines between the blades
const bladeCount = 6;

/** Corners of the opening and the rays continuing its edges out to the rim: the lines between the blades. */
const rays = Array.from({ length: bladeCount }, (_, k) => {
  const angle = (a) => (a * 2 * Math.PI) / bladeCount - Math.PI / 2;
  const from = [hole * Math.cos(angle(k)), hole * Math.sin(angle(k))];
  const to = [hole * Math.cos(angle(k + 1)), hole * Math.sin(angle(k + 1))];
  const length = Math.hypot(to[0] - from[0], to[1] - from[1]);
  return { start: to, dir: [(to[0] - from[0]) / length, (to[1] - from[1]) / length] };
});

/** Whether (x, y), relative to the centre, is inside the hexagonal opening. */
function inOpening(x, y) {
  const side = ({ start, dir }, px, py) => (px - start[0]) * dir[1] - (py - start[1]) * dir[0];
  return rays.every((ray) => side(ray, x, y) * side(ray, 0, 0) >= 0);
}

/** The angle at radius r where ray k crosses the circle of that radius. */
function rayAngle({ start, dir }, r) {
  const along = start[0] * dir[0] + start[1] * dir[1];
  const t = -along + Math.sqrt(Math.max(0, along * along - (start[0] ** 2 + start[1] ** 2) + r * r));
  return Math.atan2(start[1] + t * dir[1], start[0] + t * dir[0]);
}

/** The colour of one sample point (x, y) in pixels, or undefined outside the icon (transparent). */
function sample(x, y) {
  const dx = Math.max(corner - x, 0, x - (size - corner));
  const dy = Math.max(corner - y, 0, y - (size - corner));
  if (Math.hypot(dx, dy) > corner) return undefined;
  const px = x - center;
  const py = y - center;
  const r = Math.hypot(px, py);
  if (r <= ringOuter && r >= ringInner) return ring;
  if (r > disk || inOpening(px, py)) return navy;
  const onLine = rays.some(({ start, dir }) => {
    const t = (px - start[0]) * dir[0] + (py - start[1]) * dir[1];
    if (t < -gap / 2) return false;
    return Math.abs((px - start[0]) * dir[1] - (py - start[1]) * dir[0]) <= gap / 2;
  });
  if (onLine) return navy;
  const phi = Math.atan2(py, px);
  const turn = (a) => (((a - phi) % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
  let blade = 0;
  let nearest = Infinity;
  rays.forEach((ray, k) => {
    const ahead = turn(rayAngle(ray, r));
    if (ahead < nearest) [nearest, blade] = [ahead, k];
  });
  return blades[blade % blades.length];
}

/** RGBA rows of the image, each led by PNG filter byte 0. */
function pixels() {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let row = 0; row < size; row++) {
    const base = row * (size * 4 + 1);
    for (let col = 0; col < size; col++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const color = sample(col + (sx + 0.5) / samples, row + (sy + 0.5) / samples);
          if (!color) continue;
          for (let c = 0; c < 3; c++) sum[c] += color[c];
          sum[3]++;
        }
      }
      const offset = base + 1 + col * 4;
      for (let c = 0; c < 3; c++) raw[offset + c] = sum[3] ? Math.round(sum[c] / sum[3]) : 0;
      raw[offset + 3] = Math.round((sum[3] * 255) / (samples * samples));
    }
  }
  return raw;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** The icon as PNG bytes. */
function iconPng() {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, no filter method, not interlaced
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels(), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = process.argv[2] ?? path.join(import.meta.dirname, '..', 'media', 'icon.png');
writeFileSync(out, iconPng());
console.log(`${path.relative(process.cwd(), out)}  ${size}×${size}`);
