// SPDX-License-Identifier: MIT
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { createMailer, listOutbox, readOutboxMail } from '../../demo-server/mail/mailer.js';

const mail = { to: 'marie.dupont@example.fr', subject: 'Ville de Démo - Création de votre espace personnel', text: 'Bonjour Mme DUPONT Marie,' };

describe('mail', () => {
  it('writes to the embedded outbox when SMTP_URL is not set', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'citizen-mail-'));
    try {
      const mailer = createMailer({ outboxDir: dir, from: '"Ville de Démo" <nepasrepondre@localhost>' });
      await mailer.send(mail);
      const names = await listOutbox(dir);
      assert.equal(names.length, 1);
      const parsed = await simpleParser(await readOutboxMail(dir, names[0]!));
      assert.equal(parsed.subject, mail.subject);
      assert.equal(parsed.text?.trim(), mail.text);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('sends through SMTP_URL to a real SMTP server', async () => {
    const received: string[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push(Buffer.concat(chunks).toString('utf8'));
          callback();
        });
      },
    });
    await new Promise<void>((ok) => smtp.listen(0, '127.0.0.1', ok));
    const { port } = smtp.server.address() as AddressInfo;
    try {
      const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, outboxDir: '/nonexistent', from: 'nepasrepondre@localhost' });
      await mailer.send(mail);
      mailer.close();
      assert.equal(received.length, 1);
      const parsed = await simpleParser(received[0]!);
      assert.equal(parsed.subject, mail.subject);
    } finally {
      await new Promise<void>((ok) => smtp.close(() => ok()));
    }
  });
});
