import { strToU8, zipSync, type Zippable } from 'fflate';

/** One file of the archive: its name, what it holds (for the README), and its content as JSON. */
export interface ArchiveFile {
  file: string;
  holds: string;
  content: unknown;
}

/** The README.txt that opens the archive: whose data, when, and what each file holds. */
export function exportReadme(files: ArchiveFile[], owner: { name: string; email: string }, at: Date): string {
  const width = Math.max(...files.map((f) => f.file.length));
  return [
    'CityMentor: your data',
    '=====================',
    '',
    `The data CityMentor holds about ${owner.name} <${owner.email}>, as it stood on ${at.toISOString()}.`,
    'Every file is JSON (UTF-8), one per kind of data: machine-readable, to keep or to take elsewhere',
    '(GDPR articles 15 and 20). Times are ISO 8601 in UTC.',
    '',
    'What each file holds:',
    '',
    ...files.map((f) => `  ${f.file.padEnd(width)}  ${f.holds}`),
    '',
    'Left out on purpose: your password (only its hash is stored, and that is not exported), the hashes of your',
    "sign-in tokens, and other people's data: their comments in your threads, their e-mail addresses.",
    'Names of organisations and programmes appear where they say what your data belongs to; a notification',
    'is kept as you received it (it may name who caused it), and an event you caused as it was logged (a',
    'mention in it names the person you mentioned by their id).',
    '',
  ].join('\r\n');
}

const PG_TIME = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}(:?\d{2})?|Z)$/;

/**
 * Times as ISO 8601 in UTC, whichever way Postgres wrote them (`2026-12-06 14:22:25.5+00` as a column,
 * `2026-12-06T14:22:25.517191+00:00` inside JSON): only the values of keys named `at` or `…At`.
 */
export function isoTimes(key: string, value: unknown): unknown {
  if (typeof value === 'string' && (key === 'at' || key.endsWith('At')) && PG_TIME.test(value))
    return new Date(
      value
        .replace(' ', 'T')
        .replace(/([+-]\d{2})$/, '$1:00')
        .replace(/([+-]\d{2})(\d{2})$/, '$1:$2'),
    ).toISOString();
  return value;
}

/** The .zip: README.txt first, then one JSON file per kind. */
export function exportArchive(files: ArchiveFile[], readme: string): Uint8Array {
  const entries: Zippable = { 'README.txt': strToU8(readme) };
  for (const f of files) entries[f.file] = strToU8(`${JSON.stringify(f.content, isoTimes, 2)}\n`);
  return zipSync(entries, { level: 6, mtime: new Date() });
}
