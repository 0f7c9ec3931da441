// SPDX-License-Identifier: MIT
/**
 * A small CSV reader for the files staff export from a spreadsheet (`accounts:import`):
 * the RFC 4180 subset Excel and LibreOffice write. Fields separated by `;` (French Excel)
 * or `,`, told apart on the header line; records end with CRLF, LF or CR; a field in double
 * quotes may hold separators, line breaks and doubled quotes (`""`). No CSV library is
 * installed here, and this much is small enough to read and test completely.
 *
 * Every record keeps the line it starts on, so that a mistake is reported where a person
 * will find it in the file (a quoted line break makes records and lines differ).
 */

export type CsvDelimiter = ';' | ',';

export interface CsvRecord {
  /** Line of the file (1-based) where the record starts. */
  line: number;
  fields: string[];
}

/** A file that is not CSV at all (a quote never closed, text after a closing quote). */
export class CsvSyntaxError extends Error {
  override name = 'CsvSyntaxError';
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

/**
 * `;` or `,`, whichever the first non-empty line holds more of outside quotes (`;` when
 * tied: French spreadsheets write it, and a `,` is more likely inside a value).
 */
export function detectDelimiter(text: string): CsvDelimiter {
  let semicolons = 0;
  let commas = 0;
  let inQuotes = false;
  for (const char of text) {
    if (char === '"') inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (char === ';') semicolons++;
    else if (char === ',') commas++;
    else if ((char === '\n' || char === '\r') && semicolons + commas > 0) break;
  }
  return commas > semicolons ? ',' : ';';
}

/**
 * Splits `text` into records. A byte order mark must be removed before (TextDecoder does).
 * Blank lines come out as records of one empty field; the caller decides what to skip.
 */
export function parseCsv(text: string, delimiter: CsvDelimiter = detectDelimiter(text)): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let isQuoted = false;
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 1;

  const endRecord = () => {
    fields.push(field);
    records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    isQuoted = false;
  };

  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (inQuotes) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
          continue;
        }
        inQuotes = false;
        const next = text[i + 1];
        if (next !== undefined && next !== delimiter && next !== '\n' && next !== '\r') {
          throw new CsvSyntaxError(line, `unexpected text after a closing quote; write a quote inside a quoted value as "" (two quotes)`);
        }
        continue;
      }
      if (char === '\r' || char === '\n') {
        // A line break inside a value is kept as one \n, whatever the file's line endings.
        if (char === '\r' && text[i + 1] === '\n') i++;
        line++;
        field += '\n';
        continue;
      }
      field += char;
      continue;
    }
    if (char === '"' && field === '' && !isQuoted) {
      inQuotes = true;
      isQuoted = true;
      quoteLine = line;
    } else if (char === delimiter) {
      fields.push(field);
      field = '';
      isQuoted = false;
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      // A quote inside an unquoted value is taken as it is, as spreadsheets read it.
      field += char;
    }
  }
  if (inQuotes) throw new CsvSyntaxError(quoteLine, 'a quoted value is never closed (a " is missing)');
  // The file's last line may end without a line break.
  if (fields.length > 0 || field !== '' || isQuoted) endRecord();
  return records;
}
