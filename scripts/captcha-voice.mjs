// SPDX-License-Identifier: MIT
/**
 * Regenerates the recorded voice of the image captcha's audio version
 * (demo-server/captcha/voice/): each character of the captcha alphabet and two phrases,
 * spoken in French by eSpeak NG in two voices, trimmed and stored as 11 025 Hz mono WAV.
 *
 * Run by a maintainer, not at install: `apt-get install espeak-ng`, then
 * `node scripts/captcha-voice.mjs`. The demo server only reads the committed files, so
 * `npm ci && npm start` needs no speech engine. Change the alphabet in
 * demo-server/captcha/image-captcha.ts and here together.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const OUT = fileURLToPath(new URL('../demo-server/captcha/voice/', import.meta.url));
// What espeak-ng reads for each clip: letters as their French names, digits as numbers.
const CLIPS = {
  2: 'deux', 3: 'trois', 4: 'quatre', 5: 'cinq', 6: 'six', 7: 'sept', 8: 'huit', 9: 'neuf',
  A: 'A', F: 'F', H: 'H', J: 'J', K: 'K', M: 'M', R: 'R', U: 'U', X: 'X', Y: 'Y',
  intro: 'Le texte de contrôle est :',
  repeat: 'Je répète :',
};
// Two voices (espeak-ng's French with a male and a female variant), chosen at random per challenge.
const VOICES = { m: 'fr+m3', f: 'fr+f2' };

function speak(voice, text) {
  const wav = execFileSync('espeak-ng', ['-v', voice, '-s', '130', '--stdout', text]);
  // espeak-ng writes a 44-byte RIFF header (22 050 Hz, 16-bit, mono) then the samples;
  // its data size field is left unset when writing to a pipe, so read to the end.
  const rate = wav.readUInt32LE(24);
  if (rate !== 22050 || wav.readUInt16LE(34) !== 16) throw new Error(`unexpected WAV format from espeak-ng (${rate} Hz)`);
  const samples = new Int16Array(wav.buffer.slice(wav.byteOffset + 44, wav.byteOffset + wav.length - ((wav.length - 44) % 2)));
  return samples;
}

/** Drops leading and trailing silence, keeping 20 ms around the sound. */
function trim(samples, rate) {
  const threshold = 400;
  let start = samples.findIndex((s) => Math.abs(s) > threshold);
  let end = samples.length - 1;
  while (end > 0 && Math.abs(samples[end]) <= threshold) end--;
  if (start < 0) return samples.slice(0, 0);
  const pad = Math.round(rate * 0.02);
  return samples.slice(Math.max(0, start - pad), Math.min(samples.length, end + pad));
}

/** 22 050 → 11 025 Hz: averaging pairs is a crude low-pass, enough for speech. */
function halve(samples) {
  const out = new Int16Array(Math.floor(samples.length / 2));
  for (let i = 0; i < out.length; i++) out[i] = (samples[2 * i] + samples[2 * i + 1]) >> 1;
  return out;
}

function wavFile(samples, rate) {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + samples.length * 2, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(samples.length * 2, 40);
  return Buffer.concat([header, Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength)]);
}

for (const [variant, voice] of Object.entries(VOICES)) {
  mkdirSync(`${OUT}${variant}`, { recursive: true });
  for (const [name, text] of Object.entries(CLIPS)) {
    const clip = halve(trim(speak(voice, text), 22050));
    writeFileSync(`${OUT}${variant}/${name}.wav`, wavFile(clip, 11025));
  }
}
console.log(`Wrote ${Object.keys(CLIPS).length * Object.keys(VOICES).length} clips to ${OUT}`);
