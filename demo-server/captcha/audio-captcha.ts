// SPDX-License-Identifier: MIT
/**
 * The audio version of the text image (the seeds' "cliquez pour l'écouter"): a WAV that
 * says "Le texte de contrôle est : …, je répète : …", one French word per character.
 *
 * The words are recorded clips in voice/ (made once by scripts/captcha-voice.mjs with
 * Debian's eSpeak NG, committed), so the server needs no speech engine: `npm ci && npm
 * start` is enough. Each challenge gets its own voice, speed, pauses and background noise
 * (seeded from its id), so that the same character never gives the same bytes twice.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CAPTCHA_ALPHABET } from './image-captcha.js';

const RATE = 11_025;
const VOICES = ['m', 'f'] as const;
const VOICE_DIR = fileURLToPath(new URL('./voice/', import.meta.url));

type Clips = Record<string, Int16Array>;
let clips: Record<(typeof VOICES)[number], Clips> | undefined;

/** Samples of a WAV written by scripts/captcha-voice.mjs (44-byte header, 16-bit mono). */
function readClip(file: string): Int16Array {
  const wav = readFileSync(file);
  if (wav.toString('latin1', 0, 4) !== 'RIFF' || wav.readUInt32LE(24) !== RATE || wav.readUInt16LE(34) !== 16) {
    throw new Error(`${file}: expected a ${RATE} Hz 16-bit WAV from scripts/captcha-voice.mjs`);
  }
  const data = wav.subarray(44, 44 + wav.readUInt32LE(40));
  return new Int16Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.length));
}

/** Read on first use and kept: about 400 kB for both voices. */
function loadClips() {
  clips ??= Object.fromEntries(
    VOICES.map((voice) => [
      voice,
      Object.fromEntries(['intro', 'repeat', ...CAPTCHA_ALPHABET].map((name) => [name, readClip(`${VOICE_DIR}${voice}/${name}.wav`)])),
    ]),
  ) as Record<(typeof VOICES)[number], Clips>;
  return clips;
}

/** Plays a clip faster or slower (pitch moves with it), by linear interpolation. */
function resample(clip: Int16Array, factor: number): Float32Array {
  const out = new Float32Array(Math.floor(clip.length / factor));
  for (let i = 0; i < out.length; i++) {
    const at = i * factor;
    const k = Math.floor(at);
    const next = clip[Math.min(k + 1, clip.length - 1)]!;
    out[i] = clip[k]! + (next - clip[k]!) * (at - k);
  }
  return out;
}

/** The WAV file saying `text`; the same `random` stream gives the same file. */
export function captchaWav(text: string, random: () => number): Buffer {
  const between = (lo: number, hi: number) => lo + random() * (hi - lo);
  const voice = loadClips()[VOICES[Math.floor(random() * VOICES.length)]!];
  const parts: Float32Array[] = [];
  const pause = (seconds: number) => parts.push(new Float32Array(Math.round(seconds * RATE)));
  const say = (name: string, variation: number) => {
    const clip = voice[name];
    if (!clip) throw new Error(`No recorded clip for "${name}"`);
    parts.push(resample(clip, 1 + between(-variation, variation)));
  };
  pause(0.3);
  say('intro', 0.03);
  for (const round of ['first', 'repeat'] as const) {
    if (round === 'repeat') {
      pause(0.9);
      say('repeat', 0.03);
    }
    for (const char of text) {
      pause(between(0.35, 0.6));
      say(char, 0.08);
    }
  }
  pause(0.4);

  const length = parts.reduce((n, part) => n + part.length, 0);
  const samples = new Int16Array(length);
  const noise = between(250, 500);
  let at = 0;
  let brown = 0;
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) {
      // Soft brown noise under the voice: masks the clips' exact bytes, not the words.
      brown = Math.max(-1, Math.min(1, brown * 0.98 + (random() * 2 - 1) * 0.1));
      samples[at++] = Math.max(-32768, Math.min(32767, Math.round(part[i]! * 0.9 + brown * noise)));
    }
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(36 + samples.byteLength, 4);
  header.write('WAVEfmt ', 8, 'latin1');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(RATE, 24);
  header.writeUInt32LE(RATE * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(samples.byteLength, 40);
  return Buffer.concat([header, Buffer.from(samples.buffer)]);
}
