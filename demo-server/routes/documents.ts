// SPDX-License-Identifier: MIT
/**
 * "Espace de stockage sécurisé" (seeds 000, 003: "vous seul pouvez consulter son contenu"):
 * an account's own documents. Only their owner lists, downloads, renames or deletes them;
 * any other account — the other parent included — gets 404, as for an unknown id.
 *
 * - `POST /documents` (multipart: `file`, optional `category`): PDF, JPEG or PNG, recognised
 *   from the content (file-type), never from the name or the declared type; a declared type or
 *   an extension that contradicts the content is refused (415 `fields.file:
 *   file_type_mismatch`), as is any other type (`file_type_not_allowed`); larger than
 *   DOCUMENT_MAX_BYTES → 413 `file_too_large`; past the account's DOCUMENT_QUOTA_BYTES → 413
 *   `quota_exceeded`.
 * - `GET /documents`, `GET /documents/quota`, `GET /documents/:id/content` (attachment, the
 *   stored type, nosniff), `PATCH /documents/:id` `{ name }` (the type's extension kept),
 *   `DELETE /documents/:id`.
 *
 * The content is a file under `<data folder>/documents/<account id>/<random id>`, outside any
 * public path; the store keeps the metadata only.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import { Router, type Request } from 'express';
import { fileTypeFromFile } from 'file-type';
import { DocumentRename, type StoredDocument } from '../../src/schemas/documents.js';
import { ApiError, parse } from '../http/api-error.js';
import { StoreConflictError, type DocumentRecord, type Store } from '../store/types.js';
import type { FamilyRoutesDeps } from './household.js';
import { requireSession } from './session.js';
import { requireTermsAccepted } from './terms.js';

export interface DocumentRoutesDeps extends FamilyRoutesDeps {
  /** Where the contents live (beside the data file). */
  documentsDir: string;
  limits: { maxFileBytes: number; quotaBytes: number };
}

/** The types accepted, with the extensions a name may carry for each. */
const ALLOWED: Record<string, string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg', 'jpe'],
  'image/png': ['png'],
};

export const documentJson = (d: DocumentRecord): StoredDocument => ({
  id: d.id,
  name: d.name,
  type: d.type,
  sizeBytes: d.sizeBytes,
  uploadedAt: d.uploadedAt,
  ...(d.category ? { category: d.category } : {}),
});

/**
 * A new name keeps an extension of the stored type ("Attestation" → "Attestation.pdf",
 * "facture.exe" → "facture.exe.pdf"): the download then opens with the right program, and
 * a name never says another type than the content, as the upload already demands.
 */
function withTypeExtension(name: string, type: string): string {
  const extensions = ALLOWED[type] ?? [];
  const extension = /\.([A-Za-z0-9]{1,5})$/.exec(name)?.[1]?.toLowerCase();
  if (extensions.length === 0 || (extension !== undefined && extensions.includes(extension))) return name;
  const suffix = `.${extensions[0]}`;
  return `${name.slice(0, 200 - suffix.length)}${suffix}`;
}

/** A file name to show: no path, no control characters, bounded. */
const cleanName = (name: string) =>
  basename(name.replace(/\\/g, '/'))
    .replace(/[\u0000-\u001f\u007f]/g, '')
    // Windows drops trailing dots and spaces: "x.exe." would be saved as "x.exe".
    .replace(/[. ]+$/, '')
    .trim()
    .slice(0, 200) || 'document';

/** Removes the content files of these documents (account closure, deletion). */
export async function removeDocumentFiles(documentsDir: string, documents: readonly DocumentRecord[]) {
  for (const d of documents) await rm(join(documentsDir, d.file), { force: true });
}

const fileError = (status: number, code: 'payload_too_large' | 'unsupported_media_type', field: string, message: string) =>
  new ApiError(status, code, message, { fields: { file: field } });

interface Received {
  path: string;
  name: string;
  declaredType: string;
  sizeBytes: number;
  category?: string | undefined;
}

/** Streams the single `file` part to `path`; rejects with the precise 4xx. */
function receive(req: Request, path: string, maxFileBytes: number): Promise<Received> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { fileSize: maxFileBytes, files: 1, fields: 4, fieldSize: 1024, parts: 6 } });
    } catch {
      return reject(new ApiError(415, 'unsupported_media_type', 'Send the document as multipart/form-data'));
    }
    let received: Received | undefined;
    let writing: Promise<void> | undefined;
    let failure: ApiError | undefined;
    let category: string | undefined;
    parser.on('field', (name, value) => {
      if (name === 'category') category = value.trim().slice(0, 60) || undefined;
    });
    parser.on('file', (field, stream, info) => {
      if (field !== 'file' || received) {
        stream.resume();
        return;
      }
      const current: Received = { path, name: cleanName(info.filename ?? ''), declaredType: info.mimeType, sizeBytes: 0 };
      received = current;
      stream.on('data', (chunk: Buffer) => (current.sizeBytes += chunk.length));
      stream.on('limit', () => {
        failure = fileError(413, 'payload_too_large', 'file_too_large', `The file is larger than ${maxFileBytes} bytes`);
      });
      writing = pipeline(stream, createWriteStream(path, { mode: 0o600 }));
    });
    parser.on('filesLimit', () => void 0);
    parser.on('error', () => reject(new ApiError(400, 'validation_failed', 'Malformed multipart body', { fields: { file: 'invalid' } })));
    parser.on('close', async () => {
      try {
        await writing;
      } catch {
        failure ??= new ApiError(400, 'validation_failed', 'The upload was interrupted', { fields: { file: 'invalid' } });
      }
      if (failure) return reject(failure);
      if (!received) return reject(new ApiError(400, 'validation_failed', 'Invalid body: file (required)', { fields: { file: 'required' } }));
      resolve({ ...received, category });
    });
    req.pipe(parser);
  });
}

export function documentRoutes(deps: DocumentRoutesDeps): Router {
  const { store, sessions, documentsDir, limits } = deps;
  const router = Router();
  const guard = [requireSession(sessions), requireTermsAccepted];

  /** The account's own document, or 404 whatever the reason. */
  const ownDocument = async (accountId: string, id: unknown) => {
    const document = typeof id === 'string' ? await store.documents.get(id) : undefined;
    if (!document || document.accountId !== accountId) throw new ApiError(404, 'not_found', 'No such document');
    return document;
  };
  const usage = async (s: Store, accountId: string) => (await s.documents.listForAccount(accountId)).reduce((sum, d) => sum + d.sizeBytes, 0);

  router.get('/documents', ...guard, async (_req, res) => {
    const docs = await store.documents.listForAccount(res.locals.session!.account.id);
    res.json(docs.sort((a, b) => b.uploadedAt.localeCompare(a.uploadedAt)).map(documentJson));
  });

  router.get('/documents/quota', ...guard, async (_req, res) => {
    res.json({ usedBytes: await usage(store, res.locals.session!.account.id), quotaBytes: limits.quotaBytes, maxFileBytes: limits.maxFileBytes });
  });

  router.post('/documents', ...guard, async (req, res) => {
    const { account } = res.locals.session!;
    // A declared length far past the limit is refused before reading anything.
    if (Number(req.get('content-length') ?? 0) > limits.maxFileBytes + 64 * 1024) {
      throw fileError(413, 'payload_too_large', 'file_too_large', `The file is larger than ${limits.maxFileBytes} bytes`);
    }
    if (!req.is('multipart/form-data')) throw new ApiError(415, 'unsupported_media_type', 'Send the document as multipart/form-data');
    const id = randomBytes(16).toString('hex');
    const file = `${account.id}/${id}`;
    const path = join(documentsDir, file);
    await mkdir(join(documentsDir, account.id), { recursive: true, mode: 0o700 });
    try {
      const received = await receive(req, path, limits.maxFileBytes);
      const detected = await fileTypeFromFile(path);
      const extensions = detected ? ALLOWED[detected.mime] : undefined;
      if (!detected || !extensions) throw fileError(415, 'unsupported_media_type', 'file_type_not_allowed', 'Only PDF, JPEG and PNG documents are accepted');
      const extension = /\.([A-Za-z0-9]{1,5})$/.exec(received.name)?.[1]?.toLowerCase();
      const declared = received.declaredType.toLowerCase();
      const declaredOk = declared === detected.mime || declared === 'application/octet-stream' || (declared === 'image/jpg' && detected.mime === 'image/jpeg');
      if (!declaredOk || (extension !== undefined && !extensions.includes(extension))) {
        throw fileError(415, 'unsupported_media_type', 'file_type_mismatch', `The content is ${detected.mime}, not what its name or declared type says`);
      }
      const record: DocumentRecord = {
        id,
        accountId: account.id,
        // "facture" (no extension) or "x.desktop" on a PDF is stored "facture.pdf", "x.desktop.pdf".
        name: withTypeExtension(received.name, detected.mime),
        type: detected.mime,
        sizeBytes: received.sizeBytes,
        uploadedAt: new Date().toISOString(),
        ...(received.category ? { category: received.category } : {}),
        file,
      };
      try {
        await store.documents.insertWithinQuota(record, limits.quotaBytes);
      } catch (error) {
        if (error instanceof StoreConflictError) throw fileError(413, 'payload_too_large', 'quota_exceeded', 'The storage space is full');
        throw error;
      }
      res.status(201).json(documentJson(record));
    } catch (error) {
      await rm(path, { force: true });
      // The rest of a refused upload is drained, so that the client reads the answer.
      req.resume();
      throw error;
    }
  });

  router.get('/documents/:id/content', ...guard, async (req, res) => {
    const document = await ownDocument(res.locals.session!.account.id, req.params.id);
    res.attachment(document.name);
    res.type(document.type);
    res.set({ 'X-Content-Type-Options': 'nosniff', 'Content-Security-Policy': "default-src 'none'; sandbox", 'Content-Length': String(document.sizeBytes) });
    await pipeline(createReadStream(join(documentsDir, document.file)), res);
  });

  router.patch('/documents/:id', ...guard, async (req, res) => {
    const { account } = res.locals.session!;
    const document = await ownDocument(account.id, req.params.id);
    const { name } = parse(DocumentRename, req.body);
    const renamed = await store.documents.rename(String(req.params.id), account.id, withTypeExtension(cleanName(name), document.type));
    if (!renamed) throw new ApiError(404, 'not_found', 'No such document');
    res.json(documentJson(renamed));
  });

  router.delete('/documents/:id', ...guard, async (req, res) => {
    const { account } = res.locals.session!;
    await ownDocument(account.id, req.params.id);
    const removed = await store.documents.delete(String(req.params.id), account.id);
    if (removed) await removeDocumentFiles(documentsDir, [removed]);
    res.status(204).end();
  });

  return router;
}
