// Draws media/icon.png (128x128 RGBA): a draft page with lines of text, one figure highlighted,
// and a green check badge. Dependency-free (signed distances for anti-aliased edges, zlib for the
// PNG), so the icon can be regenerated anywhere:  node test/harness/make-icon.mjs [out.png]
// Not part of any test run; the PNG is committed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { REPO_ROOT } from './code-server.mjs';

const SIZE = 128;
const out = path.resolve(process.argv[2] ?? path.join(REPO_ROOT, 'media/icon.png'));

// --- signed distance functions (negative inside), in pixels ---------------------------------------
const roundRect = (x0, y0, x1, y1, r) => (px, py) => {
  const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
  const qx = Math.abs(px - cx) - ((x1 - x0) / 2 - r), qy = Math.abs(py - cy) - ((y1 - y0) / 2 - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const circle = (cx, cy, r) => (px, py) => Math.hypot(px - cx, py - cy) - r;
const segment = (ax, ay, bx, by, r) => (px, py) => {
  const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(px - ax - t * (bx - ax), py - ay - t * (by - ay)) - r;
};
const polyline = (pts, r) => (px, py) => Math.min(...pts.slice(1).map((p, i) => segment(...pts[i], ...p, r)(px, py)));
/** Signed distance to the line through a and b: negative on the side below-left of a→b (y down). */
const halfPlane = (ax, ay, bx, by) => (px, py) => ((by - ay) * (px - ax) - (bx - ax) * (py - ay)) / Math.hypot(bx - ax, by - ay);
const intersect = (...fs) => (px, py) => Math.max(...fs.map((f) => f(px, py)));

const hex = (h, a = 1) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16), a];

// --- the picture, back to front -------------------------------------------------------------------
const page = roundRect(26, 14, 90, 112, 6);
const belowFold = halfPlane(74, 14, 90, 30); // the page minus its top-right corner, which is folded over
const badge = circle(90, 90, 25);
const layers = [
  [roundRect(0, 0, 128, 128, 26), hex('#1f4b7a')],
  [roundRect(26, 17, 90, 115, 6), hex('#0f2640', 0.35)], // shadow
  [intersect(page, belowFold), hex('#f6f8fb')],
  [intersect(roundRect(74, 14, 90, 30, 0), belowFold), hex('#c5d2e3')], // the folded flap
  ...[[36, 30, 66], [36, 42, 78], [36, 54, 72], [36, 66, 60], [36, 78, 54]].map(([x0, y, x1]) => [roundRect(x0, y, x1, y + 5, 2.5), hex('#9fb0c6')]),
  [roundRect(52, 52.5, 70, 60.5, 2), hex('#f2b233')], // the figure being checked
  [circle(90, 90, 29), hex('#1f4b7a')], // ring separating badge and page
  [badge, hex('#2f9e5e')],
  [polyline([[77, 90], [86, 99], [103, 80]], 4), hex('#ffffff')],
];

const px = Buffer.alloc(SIZE * SIZE * 4);
for (let y = 0; y < SIZE; y++) {
  for (let x = 0; x < SIZE; x++) {
    let [r, g, b, a] = [0, 0, 0, 0];
    for (const [sdf, [cr, cg, cb, ca]] of layers) {
      const cover = Math.max(0, Math.min(1, 0.5 - sdf(x + 0.5, y + 0.5))) * ca;
      if (!cover) continue;
      const na = cover + a * (1 - cover); // "over", straight alpha
      r = (cr * cover + r * a * (1 - cover)) / na;
      g = (cg * cover + g * a * (1 - cover)) / na;
      b = (cb * cover + b * a * (1 - cover)) / na;
      a = na;
    }
    px.set([Math.round(r), Math.round(g), Math.round(b), Math.round(a * 255)], (y * SIZE + x) * 4);
  }
}

// --- PNG encoding ---------------------------------------------------------------------------------
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => { let c = 0xffffffff; for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
const chunk = (type, data) => {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0); ihdr.writeUInt32BE(SIZE, 4);
ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
const raw = Buffer.concat(Array.from({ length: SIZE }, (_, y) => Buffer.concat([Buffer.from([0]), px.subarray(y * SIZE * 4, (y + 1) * SIZE * 4)])));
fs.writeFileSync(out, Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0)),
]));
console.log(`wrote ${out}`);
