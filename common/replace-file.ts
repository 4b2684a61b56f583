import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file by writing a new one beside it and renaming it over the name. A symbolic link left at that
 * name (in an evidence folder, pointing at the store or at another site's screenshot) is replaced, never
 * written through: the temporary name is created exclusively, and a rename swaps the link itself.
 */
export async function replaceFile(path: string, data: Uint8Array | string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, data, { flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
