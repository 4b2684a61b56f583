import { constants } from 'node:fs';
import { type FileHandle, lstat, open, realpath } from 'node:fs/promises';
import { sep } from 'node:path';

import type { StoreFiles } from '../store/store-files.js';

/** Handles that turned out to be the store's own files: kept open for good, since closing one drops the store's locks. */
const neverClosed: FileHandle[] = [];

/**
 * The bytes of `path` if it is a regular file whose real path (links resolved) lies inside `folder`'s real
 * path, and not one of the store's files under another name; null for anything else. Evidence screenshots
 * and appeal attachments are read only through here, so a link put in their folders reaches neither
 * another site's files nor the store (store-files.ts says what reading the store costs).
 *
 * Checked, then opened without following a link (O_NOFOLLOW) or waiting on a FIFO (O_NONBLOCK), and the
 * open handle must be the very file checked: a swap between the check and the open is refused, not read.
 */
export async function readContainedFile(folder: string, path: string, store: StoreFiles): Promise<Buffer | null> {
  try {
    const [root, real] = await Promise.all([realpath(folder), realpath(path)]);
    if (!real.startsWith(root + sep)) return null;
    const checked = await lstat(real);
    if (!checked.isFile() || store.isStoreFile(checked)) return null;
    const handle = await open(real, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    const opened = await handle.stat().catch(() => null);
    if (!opened || opened.dev !== checked.dev || opened.ino !== checked.ino || !opened.isFile()) {
      if (opened && store.isStoreFile(opened)) neverClosed.push(handle);
      else await handle.close();
      return null;
    }
    try {
      return await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
}
