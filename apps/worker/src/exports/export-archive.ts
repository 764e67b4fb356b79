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
    'Names of organisations and programmes appear where they say what your data belongs to.',
    '',
  ].join('\r\n');
}

/** The .zip: README.txt first, then one JSON file per kind. */
export function exportArchive(files: ArchiveFile[], readme: string): Uint8Array {
  const entries: Zippable = { 'README.txt': strToU8(readme) };
  for (const f of files) entries[f.file] = strToU8(`${JSON.stringify(f.content, null, 2)}\n`);
  return zipSync(entries, { level: 6, mtime: new Date() });
}
