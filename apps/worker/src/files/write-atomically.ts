import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Writes `fileName` into `dir` (made if missing) through a temporary name that is renamed into place, so a
 * reader never sees half a file and a retried job writes it again whole. `write` fills the path it is given.
 * Returns the file's size in bytes.
 */
export async function writeAtomically(
  dir: string,
  fileName: string,
  write: (path: string) => Promise<unknown>,
): Promise<number> {
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${fileName}.${process.pid}.tmp`);
  try {
    await write(temp);
    await rename(temp, join(dir, fileName));
  } finally {
    await rm(temp, { force: true });
  }
  return (await stat(join(dir, fileName))).size;
}
