// SPDX-License-Identifier: MIT
/**
 * The seeds' text image ("Reportez ici le texte de contrôle coloré"), drawn on the server as
 * an SVG of distorted strokes, with no font and no <text> element: the characters exist in
 * the picture only as shuffled pieces of line. An audio version reads the same text.
 *
 * The alphabet leaves out what looks alike (0/O/D/Q, 1/I/L, 2/Z, 5/S, 8/B,
 * 6/G, U/V) and what sounds alike in French (B, C, D, G, P, T, V, W all end in "é"; N
 * with M; E with "eu"): eight digits and ten letters, six of them per text (18^6 ≈ 3.4·10^7).
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes, randomInt } from 'node:crypto';

export const CAPTCHA_ALPHABET = '23456789AFHJKMRUXY';
export const CAPTCHA_LENGTH = 6;

export function randomCaptchaText(): string {
  let text = '';
  for (let i = 0; i < CAPTCHA_LENGTH; i++) text += CAPTCHA_ALPHABET[randomInt(CAPTCHA_ALPHABET.length)];
  return text;
}

/** What a citizen typed, compared without case, spaces or dashes. */
export const normaliseCaptchaText = (text: string) => text.toUpperCase().replace(/[\s-]/g, '');

/**
 * The challenge id carries its own text, encrypted (AES-256-GCM, the id's random IV makes
 * each one unique): the server can draw and read it again on request without keeping the
 * text anywhere, and the client cannot read it.
 */
export function sealText(key: Buffer, text: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const sealed = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url');
}

/** The text of a sealed id, or undefined when the id was not made with this key. */
export function openText(key: Buffer, id: string): string | undefined {
  const raw = Buffer.from(id, 'base64url');
  if (raw.length < 12 + 16 + 1 || raw.length > 12 + 16 + 32) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}

/**
 * A pseudo-random stream seeded from the id (sfc32): the same challenge always gives the
 * same picture and sound, so reloading it does not hand a robot many variants to average.
 */
export function seededRandom(key: Buffer, id: string, purpose: string): () => number {
  const seed = createHmac('sha256', key).update(`${purpose}:${id}`).digest();
  let a = seed.readUInt32LE(0), b = seed.readUInt32LE(4), c = seed.readUInt32LE(8), d = seed.readUInt32LE(12);
  return () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (a + b + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) + t;
    return (t >>> 0) / 4294967296;
  };
}

type Point = [number, number];
/** Stroke font on an 8 × 12 grid (y down): each character is a few polylines. */
const GLYPHS: Record<string, Point[][]> = {
  '2': [[[0, 3], [1, 1], [3, 0], [5, 0], [7, 1], [8, 3], [7, 5], [0, 12], [8, 12]]],
  '3': [[[0, 1], [2, 0], [6, 0], [8, 2], [8, 4], [6, 6], [3, 6]], [[6, 6], [8, 8], [8, 10], [6, 12], [2, 12], [0, 11]]],
  '4': [[[6, 12], [6, 0], [0, 8], [8, 8]]],
  '5': [[[8, 0], [1, 0], [0, 5], [4, 4.5], [7, 5.5], [8, 8], [7, 11], [4, 12], [0, 11]]],
  '6': [[[7, 1], [5, 0], [3, 0], [1, 2], [0, 6], [0, 9], [1, 11], [3, 12], [5, 12], [7, 11], [8, 9], [7, 7], [5, 6], [3, 6], [1, 7], [0, 9]]],
  '7': [[[0, 0], [8, 0], [3, 12]]],
  '8': [[[4, 6], [1, 5], [0, 3], [1, 1], [4, 0], [7, 1], [8, 3], [7, 5], [4, 6], [1, 7], [0, 9], [1, 11], [4, 12], [7, 11], [8, 9], [7, 7], [4, 6]]],
  '9': [[[8, 4], [7, 6], [5, 7], [3, 7], [1, 6], [0, 4], [1, 1], [3, 0], [5, 0], [7, 1], [8, 4], [8, 8], [7, 11], [5, 12], [2, 12], [0, 11]]],
  A: [[[0, 12], [4, 0], [8, 12]], [[1.5, 8], [6.5, 8]]],
  F: [[[8, 0], [0, 0], [0, 12]], [[0, 6], [6, 6]]],
  H: [[[0, 0], [0, 12]], [[8, 0], [8, 12]], [[0, 6], [8, 6]]],
  J: [[[2, 0], [8, 0]], [[6, 0], [6, 9], [5, 11], [3, 12], [1, 11], [0, 9]]],
  K: [[[0, 0], [0, 12]], [[8, 0], [0, 7]], [[2.5, 5], [8, 12]]],
  M: [[[0, 12], [0, 0], [4, 7], [8, 0], [8, 12]]],
  R: [[[0, 12], [0, 0], [5, 0], [7, 1], [8, 3], [7, 5], [5, 6], [0, 6]], [[4, 6], [8, 12]]],
  U: [[[0, 0], [0, 9], [1, 11], [3, 12], [5, 12], [7, 11], [8, 9], [8, 0]]],
  X: [[[0, 0], [8, 12]], [[8, 0], [0, 12]]],
  Y: [[[0, 0], [4, 6], [8, 0]], [[4, 6], [4, 12]]],
};

const WIDTH = 240;
const HEIGHT = 80;
const INK = ['#1b1b3a', '#3a1b1b', '#1b3a24', '#2b2b2b', '#402060'];

/** Splits a polyline into points about `step` px apart, so that the warp can bend it. */
function densify(line: Point[], step: number): Point[] {
  const out: Point[] = [line[0]!];
  for (let i = 1; i < line.length; i++) {
    const [x0, y0] = line[i - 1]!;
    const [x1, y1] = line[i]!;
    const n = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0) / step));
    for (let k = 1; k <= n; k++) out.push([x0 + ((x1 - x0) * k) / n, y0 + ((y1 - y0) * k) / n]);
  }
  return out;
}

/** Cuts a polyline into runs of 2 to 4 segments (overlapping by one point: no visible gap). */
function chunks(points: Point[], random: () => number): Point[][] {
  const out: Point[][] = [];
  let i = 0;
  while (i < points.length - 1) {
    const n = 2 + Math.floor(random() * 3);
    out.push(points.slice(i, i + n + 1));
    i += n;
  }
  return out;
}

const fmt = (n: number) => (Math.round(n * 10) / 10).toString();

/** The SVG picture of `text`, the same for the same id. */
export function captchaSvg(text: string, random: () => number): string {
  const between = (lo: number, hi: number) => lo + random() * (hi - lo);
  const phase = between(0, Math.PI * 2);
  const warp = ([x, y]: Point): Point => [x + 1.5 * Math.sin(y / 9 + phase), y + 4 * Math.sin(x / 26 + phase)];
  const pieces: Point[][] = [];

  const cell = (WIDTH - 24) / text.length;
  [...text].forEach((char, i) => {
    const angle = between(-0.32, 0.32);
    const sx = between(2.5, 3.1);
    const sy = between(3.0, 3.6);
    const cx = 12 + cell * (i + 0.5) + between(-3, 3);
    const cy = HEIGHT / 2 + between(-5, 5);
    const place = ([gx, gy]: Point): Point => {
      const x = (gx - 4) * sx;
      const y = (gy - 6) * sy;
      return [cx + x * Math.cos(angle) - y * Math.sin(angle), cy + x * Math.sin(angle) + y * Math.cos(angle)];
    };
    for (const line of GLYPHS[char] ?? []) {
      const points = densify(line.map(place), 3).map(warp).map(([x, y]): Point => [x + between(-0.6, 0.6), y + between(-0.6, 0.6)]);
      pieces.push(...chunks(points, random));
    }
  });

  // Two wavy lines across the text, cut and drawn like the letters so they cannot be told apart by style.
  for (let n = 0; n < 2; n++) {
    const y0 = between(20, HEIGHT - 20);
    const amplitude = between(6, 14);
    const period = between(30, 60);
    const line: Point[] = [];
    for (let x = 4; x <= WIDTH - 4; x += 3) line.push([x, y0 + amplitude * Math.sin(x / period + phase * n)]);
    pieces.push(...chunks(line, random));
  }

  // Shuffle (Fisher–Yates), then spread the pieces over a few paths of varied ink and width.
  for (let i = pieces.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pieces[i], pieces[j]] = [pieces[j]!, pieces[i]!];
  }
  const groups = 5;
  const paths: string[] = [];
  for (let g = 0; g < groups; g++) {
    const d = pieces
      .filter((_, i) => i % groups === g)
      .map((piece) => `M${piece.map(([x, y]) => `${fmt(x)} ${fmt(y)}`).join('L')}`)
      .join('');
    const width = fmt(between(2.6, 3.4));
    paths.push(`<path d="${d}" stroke="${INK[g % INK.length]}" stroke-width="${width}"/>`);
  }
  const specks: string[] = [];
  for (let n = 0; n < 40; n++) {
    specks.push(`<circle cx="${fmt(between(0, WIDTH))}" cy="${fmt(between(0, HEIGHT))}" r="${fmt(between(0.6, 1.8))}"/>`);
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">` +
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#f6f5ee"/>` +
    `<g fill="#8a8a9a">${specks.join('')}</g>` +
    `<g fill="none" stroke-linecap="round" stroke-linejoin="round">${paths.join('')}</g>` +
    `</svg>`
  );
}
