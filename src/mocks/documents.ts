// SPDX-License-Identifier: MIT
/**
 * Mock data of "Espace de stockage sécurisé" (issue 7): the account's stored documents, and
 * the server's rules in small (PDF, JPEG, PNG; 10 MB a file; a 50 MB quota), for the MSW
 * handlers, the browser tests and the stories.
 */
import { http, HttpResponse } from 'msw';
import { DocumentRename, type DocumentQuota, type StoredDocument } from '../schemas/documents.js';
import { fieldErrors } from '../schemas/errors.js';

export const MOCK_MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MOCK_QUOTA_BYTES = 50 * 1024 * 1024;
const ALLOWED = ['application/pdf', 'image/jpeg', 'image/png'];

export const mockDocuments = (): StoredDocument[] => [
  { id: 'doc-1', name: 'Attestation d’assurance 2026-2027.pdf', type: 'application/pdf', sizeBytes: 184_320, uploadedAt: '2026-09-02T17:40:00Z' },
  { id: 'doc-2', name: 'Carnet de vaccination Léa.jpg', type: 'image/jpeg', sizeBytes: 1_572_864, uploadedAt: '2026-10-14T08:05:00Z' },
];

const fileError = (status: number, code: string, field: string) =>
  HttpResponse.json({ code, message: field, fields: { file: field } }, { status });

/** The extensions a name may carry for each stored type (demo-server/routes/documents.ts). */
const EXTENSIONS: Record<string, string[]> = { 'application/pdf': ['pdf'], 'image/jpeg': ['jpg', 'jpeg', 'jpe'], 'image/png': ['png'] };

/** MSW handlers of the documents' routes. */
export function createDocumentsHandlers(api: string, documents: StoredDocument[] = mockDocuments()) {
  let next = 10;
  const quota = (): DocumentQuota => ({
    usedBytes: documents.reduce((sum, d) => sum + d.sizeBytes, 0),
    quotaBytes: MOCK_QUOTA_BYTES,
    maxFileBytes: MOCK_MAX_FILE_BYTES,
  });
  return [
    http.get(`${api}/documents`, () => HttpResponse.json(documents)),
    http.get(`${api}/documents/quota`, () => HttpResponse.json(quota())),
    http.post(`${api}/documents`, async ({ request }) => {
      const form = await request.formData();
      const file = form.get('file');
      if (!(file instanceof File)) return fileError(400, 'validation_failed', 'required');
      if (!ALLOWED.includes(file.type)) return fileError(415, 'unsupported_media_type', 'file_type_not_allowed');
      if (file.size > MOCK_MAX_FILE_BYTES) return fileError(413, 'payload_too_large', 'file_too_large');
      if (quota().usedBytes + file.size > MOCK_QUOTA_BYTES) return fileError(413, 'payload_too_large', 'quota_exceeded');
      const document: StoredDocument = { id: `doc-${++next}`, name: file.name, type: file.type, sizeBytes: file.size, uploadedAt: new Date().toISOString() };
      documents.push(document);
      return HttpResponse.json(document, { status: 201 });
    }),
    http.get(`${api}/documents/:id/content`, ({ params }) => {
      const document = documents.find((d) => d.id === params.id);
      if (!document) return HttpResponse.json({ code: 'not_found', message: 'No such document' }, { status: 404 });
      return new HttpResponse('mock content', { headers: { 'Content-Type': document.type, 'Content-Disposition': `attachment; filename="${document.id}"` } });
    }),
    http.patch(`${api}/documents/:id`, async ({ request, params }) => {
      const document = documents.find((d) => d.id === params.id);
      if (!document) return HttpResponse.json({ code: 'not_found', message: 'No such document' }, { status: 404 });
      const parsed = DocumentRename.safeParse(await request.json().catch(() => null));
      if (!parsed.success) return HttpResponse.json({ code: 'validation_failed', message: 'Invalid body', fields: fieldErrors(parsed.error.issues) }, { status: 400 });
      // As the server: the name keeps an extension of the stored type ("Attestation" → "Attestation.pdf").
      const extension = EXTENSIONS[document.type] ?? [];
      const given = /\.([A-Za-z0-9]{1,5})$/.exec(parsed.data.name)?.[1]?.toLowerCase();
      document.name = extension.length === 0 || (given && extension.includes(given)) ? parsed.data.name : `${parsed.data.name}.${extension[0]}`;
      return HttpResponse.json(document);
    }),
    http.delete(`${api}/documents/:id`, ({ params }) => {
      const index = documents.findIndex((d) => d.id === params.id);
      if (index < 0) return HttpResponse.json({ code: 'not_found', message: 'No such document' }, { status: 404 });
      documents.splice(index, 1);
      return new HttpResponse(null, { status: 204 });
    }),
  ];
}
