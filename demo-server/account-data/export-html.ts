// SPDX-License-Identifier: MIT
/**
 * The data export as a readable HTML page (saved by the browser, opened offline, printed).
 * Every value goes through `escapeHtml`: the export holds text the citizen and others typed.
 */
import type { AccountExport } from '../../src/schemas/account-data.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (value: unknown) => String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const date = (iso: string | undefined) =>
  iso ? new Date(iso).toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long', timeStyle: iso.length > 10 ? 'short' : undefined }) : '';
const day = (iso: string | undefined) => (iso ? new Date(`${iso}T12:00:00Z`).toLocaleDateString('fr-FR', { timeZone: 'UTC' }) : '');

const STATUS: Record<string, string> = { sent: 'Envoyée', 'in-progress': 'En cours', accepted: 'Acceptée', rejected: 'Refusée' };
const ROLE: Record<string, string> = { parent: 'Parent', 'co-representative': 'Co-représentant', child: 'Enfant', contact: 'Contact' };
const PURPOSE: Record<string, string> = {
  'child-record': 'consultation du dossier',
  'request-detail': "consultation d'une demande",
  export: 'export de vos données',
  'staff-decision': "traitement d'une demande par les services",
};
const BY: Record<string, string> = { you: 'vous', household: 'un autre représentant du foyer', staff: 'les services municipaux' };

/** A definition list of the non-empty entries. */
function dl(entries: [string, unknown][]): string {
  const rows = entries.filter(([, v]) => v !== undefined && v !== null && v !== '');
  if (rows.length === 0) return '<p>Aucune donnée.</p>';
  return `<dl>${rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`;
}

function table(headers: string[], rows: unknown[][]): string {
  if (rows.length === 0) return '<p>Aucune donnée.</p>';
  const head = headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`).join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

export function renderExportHtml(data: AccountExport): string {
  const { account, household } = data;
  const { identity, contact, address } = account;
  const sections: string[] = [];
  sections.push(
    '<h2>Identité</h2>',
    dl([
      ['Civilité', identity.civility === 'MME' ? 'Madame' : 'Monsieur'],
      ['Nom usuel', identity.lastName],
      ['Nom de naissance', identity.birthName],
      ['Prénom(s)', identity.firstNames],
      ['Date de naissance', day(identity.birthDate)],
      ['Pays de naissance', identity.birthCountry],
      ['Département de naissance', identity.birthDepartment],
      ['Commune de naissance', identity.birthCommune],
    ]),
    '<h2>Adresse</h2>',
    address ? dl([['Adresse', address.street], ["Complément d'adresse", address.complement], ['Code postal', address.postcode], ['Commune', address.commune]]) : '<p>Aucune adresse.</p>',
    '<h2>Moyens de contact</h2>',
    dl([['Téléphone', contact.phone], ['Mobile', contact.mobile], ['Fax', contact.fax], ['Courriel', contact.email], ['Moyen de contact préféré', contact.preferred]]),
    '<h2>Identifiants et services</h2>',
    dl([
      ["Nom d'utilisateur", account.username],
      ['Espace créé le', date(account.createdAt)],
      ['Dernière connexion', date(account.lastLoginAt)],
      ['Services liés', account.serviceKeys.map((k) => `${k.serviceId} (${date(k.linkedAt)})`).join(', ')],
      ['FranceConnect', account.franceConnect ? `lié le ${date(account.franceConnect.linkedAt)}` : undefined],
    ]),
  );
  sections.push('<h2>Ma famille</h2>');
  if (!household) sections.push("<p>Votre espace n'est lié à aucun dossier famille.</p>");
  else {
    sections.push(
      table(
        ['Rôle', 'Civilité', 'Prénom(s)', 'Nom', 'Date de naissance'],
        household.members.map((m) => [m.expected ? 'Enfant à naître' : ROLE[m.role] ?? m.role, m.civility ?? '', m.firstNames, m.lastName, day(m.birthDate)]),
      ),
    );
    for (const { firstNames, record } of household.childRecords) {
      sections.push(
        `<h3>Dossier administratif de ${escapeHtml(firstNames)}</h3>`,
        dl([
          ['École', record.school],
          ['Classe', record.schoolClass],
          ['Allergies', record.allergies],
          ["Projet d'accueil individualisé (PAI)", record.hasPai ? 'Oui' : 'Non'],
          ['Médecin traitant', record.doctor ? [record.doctor.name, record.doctor.phone].filter(Boolean).join(', ') : undefined],
          ['Personnes autorisées à venir chercher l’enfant', record.authorisedPickup.map((p) => [p.name, p.phone].filter(Boolean).join(', ')).join(' ; ')],
          ['Pièces manquantes', record.missing.join(' ; ')],
        ]),
      );
    }
  }
  sections.push(
    '<h2>Mes demandes</h2>',
    table(
      ['Date', 'Demande', 'État', 'Motif ou commentaire', 'Historique'],
      data.requests.map((r) => [
        date(r.createdAt),
        r.submittedBy ? `${r.summary} (par ${r.submittedBy})` : r.summary,
        STATUS[r.status] ?? r.status,
        r.reason ?? '',
        r.history.map((h) => `${date(h.at)} : ${STATUS[h.status] ?? h.status}${h.note ? ` (${h.note})` : ''}`).join(' ; '),
      ]),
    ),
    '<h2>Messages de la ville</h2>',
    table(['Reçu le', 'Objet', 'Message', 'Lu le'], data.messages.map((m) => [date(m.sentAt), m.subject, m.body, date(m.readAt)])),
    "<h2>Conditions générales d'utilisation acceptées</h2>",
    table(['Version', 'Acceptée le', 'Empreinte SHA-256 du texte'], data.termsAcceptances.map((t) => [t.version, date(t.acceptedAt), t.textHash])),
    '<h2>Sessions ouvertes</h2>',
    table(['Ouverte le', 'Dernière activité', 'Expire le'], data.sessions.map((s) => [date(s.createdAt), date(s.lastSeenAt), date(s.expiresAt)])),
    '<h2>Consultations des données de santé de vos enfants</h2>',
    table(['Date', 'Enfant', 'Par', 'Motif'], data.healthDataReads.map((r) => [date(r.at), household?.members.find((m) => m.id === r.childId)?.firstNames ?? r.childId, BY[r.by], PURPOSE[r.purpose]])),
    '<h2>Factures du foyer</h2>',
    table(
      ['Numéro', 'Période', 'Montant', 'Échéance', 'Payée le'],
      (data.invoices ?? []).map((i) => [i.number, i.period, `${(i.amountCents / 100).toFixed(2).replace('.', ',')} €`, i.dueDate, date(i.paidAt)]),
    ),
    '<h2>Documents stockés</h2>',
    table(['Nom', 'Type', 'Taille (octets)', 'Déposé le'], (data.documents ?? []).map((d) => [d.name, d.type, String(d.sizeBytes), date(d.uploadedAt)])),
  );
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Mes données — ${escapeHtml(data.city.name)}</title>
<style>
body { font: 1rem/1.5 system-ui, sans-serif; max-width: 60rem; margin: 0 auto; padding: 1rem; color: #1a1a1a; }
dl { display: grid; grid-template-columns: minmax(10rem, max-content) 1fr; gap: 0.25rem 1rem; }
dt { font-weight: 600; } dd { margin: 0; white-space: pre-line; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #767676; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; white-space: pre-line; }
</style>
</head>
<body>
<h1>Mes données — ${escapeHtml(data.city.name)}</h1>
<p>Copie des données que ${escapeHtml(data.city.name)} conserve sur votre espace personnel et votre foyer, établie le ${escapeHtml(date(data.exportedAt))}. Le même contenu existe au format JSON, lisible par d'autres logiciels.</p>
${sections.join('\n')}
</body>
</html>
`;
}
