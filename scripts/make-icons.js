#!/usr/bin/env node
'use strict';
// Draws the add-in's icons (assets/*.png) from simple vector shapes, so they can be regenerated and
// reviewed as code: no image editor, no binary-only sources. Run: node scripts/make-icons.js
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const BRAND = [0x0f, 0x6c, 0xbd]; // product colour (Fluent/Office blue), also the task pane's brand
const DARK = [0x0a, 0x3d, 0x6e];
const WHITE = [0xff, 0xff, 0xff];
const GREEN = [0x10, 0x7c, 0x10];

// Shapes live on a 0..1 canvas; each returns coverage (signed distance < 0 inside, in canvas units).
const dist = {
  circle: (s, x, y) => Math.hypot(x - s.cx, y - s.cy) - s.r,
  rect: (s, x, y) => {
    const dx = Math.max(s.x0 - x, x - s.x1);
    const dy = Math.max(s.y0 - y, y - s.y1);
    return Math.max(dx, dy);
  },
  line: (s, x, y) => {
    // a thick polyline segment with round caps
    const [ax, ay, bx, by] = s.p;
    const vx = bx - ax,
      vy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
    return Math.hypot(x - (ax + t * vx), y - (ay + t * vy)) - s.w / 2;
  },
};

function draw(size, shapes) {
  const px = Buffer.alloc(size * size * 4);
  const ss = 4; // 4x4 supersampling for smooth edges at 16 px
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sj = 0; sj < ss; sj++) {
        for (let si = 0; si < ss; si++) {
          const x = (i + (si + 0.5) / ss) / size;
          const y = (j + (sj + 0.5) / ss) / size;
          let c = null;
          for (const s of shapes) if (dist[s.type](s, x, y) <= 0) c = s.color;
          if (c) {
            r += c[0];
            g += c[1];
            b += c[2];
            a += 1;
          }
        }
      }
      const o = (j * size + i) * 4;
      if (a) {
        px[o] = Math.round(r / a);
        px[o + 1] = Math.round(g / a);
        px[o + 2] = Math.round(b / a);
      }
      px[o + 3] = Math.round((255 * a) / (ss * ss));
    }
  }
  return png(size, px);
}

function crc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++)
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const circle = (cx, cy, r, color) => ({ type: 'circle', cx, cy, r, color });
const rect = (x0, y0, x1, y1, color) => ({ type: 'rect', x0, y0, x1, y1, color });
const line = (p, w, color) => ({ type: 'line', p, w, color });
const polyline = (pts, w, color) => pts.slice(1).map((p, k) => line([...pts[k], ...p], w, color));

/** The product mark: a bullseye (the target) with a checkmark (met) over its lower right. */
const targetMark = [
  circle(0.44, 0.44, 0.42, BRAND),
  circle(0.44, 0.44, 0.31, WHITE),
  circle(0.44, 0.44, 0.21, BRAND),
  circle(0.44, 0.44, 0.11, WHITE),
  circle(0.44, 0.44, 0.05, BRAND),
  ...polyline(
    [
      [0.5, 0.72],
      [0.66, 0.88],
      [0.95, 0.5],
    ],
    0.22,
    WHITE,
  ),
  ...polyline(
    [
      [0.5, 0.72],
      [0.66, 0.88],
      [0.95, 0.5],
    ],
    0.12,
    GREEN,
  ),
];

/** One glyph per step of the work, in the same colour, for the ribbon buttons. */
const stepGlyphs = {
  // 计划: a plan sheet with lines of text
  plan: [
    rect(0.16, 0.06, 0.84, 0.94, BRAND),
    rect(0.24, 0.14, 0.76, 0.86, WHITE),
    rect(0.32, 0.26, 0.68, 0.34, BRAND),
    rect(0.32, 0.46, 0.68, 0.54, BRAND),
    rect(0.32, 0.66, 0.56, 0.74, BRAND),
  ],
  // 分解: one total split into three quotas
  allocate: [
    line([0.5, 0.2, 0.5, 0.5], 0.09, DARK),
    line([0.5, 0.5, 0.16, 0.8], 0.09, DARK),
    line([0.5, 0.5, 0.84, 0.8], 0.09, DARK),
    line([0.5, 0.5, 0.5, 0.8], 0.09, DARK),
    circle(0.5, 0.18, 0.14, BRAND),
    circle(0.16, 0.82, 0.12, BRAND),
    circle(0.5, 0.82, 0.12, BRAND),
    circle(0.84, 0.82, 0.12, BRAND),
  ],
  // 报表: a return form (a grid)
  returns: [
    rect(0.08, 0.12, 0.92, 0.88, BRAND),
    rect(0.15, 0.3, 0.85, 0.81, WHITE),
    rect(0.15, 0.52, 0.85, 0.58, BRAND),
    rect(0.46, 0.3, 0.52, 0.81, BRAND),
  ],
  // 考核: completion bars rising
  assess: [
    rect(0.1, 0.86, 0.9, 0.93, DARK),
    rect(0.14, 0.58, 0.32, 0.86, BRAND),
    rect(0.41, 0.38, 0.59, 0.86, BRAND),
    rect(0.68, 0.14, 0.86, 0.86, BRAND),
  ],
  // 通报: a flag on a pole (the bulletin is posted)
  bulletin: [
    rect(0.16, 0.08, 0.25, 0.94, DARK),
    rect(0.25, 0.1, 0.86, 0.52, BRAND),
    rect(0.36, 0.22, 0.74, 0.28, WHITE),
    rect(0.36, 0.34, 0.64, 0.4, WHITE),
  ],
};

const out = path.join(__dirname, '..', 'assets');
fs.mkdirSync(out, { recursive: true });
const written = [];
for (const size of [16, 32, 64, 80, 128]) {
  fs.writeFileSync(path.join(out, `icon-${size}.png`), draw(size, targetMark));
  written.push(`icon-${size}.png`);
}
for (const [name, shapes] of Object.entries(stepGlyphs)) {
  for (const size of [16, 32, 80]) {
    fs.writeFileSync(path.join(out, `${name}-${size}.png`), draw(size, shapes));
    written.push(`${name}-${size}.png`);
  }
}
console.log(`assets: ${written.length} icons written`);
