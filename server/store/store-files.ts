import { statSync } from 'node:fs';
import { basename } from 'node:path';

/*
 * The files SQLite keeps for a store in WAL mode, and the one way we know to lose writes without an error.
 * POSIX locks belong to a process and a file, not to a descriptor: when a process that has the store open
 * opens ANY other descriptor of govscore.db (or of its -shm) and closes it — readFile through a link does
 * exactly that — the kernel drops every lock the process held on that file, and SQLite does not know. The
 * next process to close the store then finds nobody else holding it, checkpoints, and deletes the -wal and
 * -shm this process still has open: its later writes go to deleted files no other process reads, and are
 * lost. An older SQLite (the sqlite3 3.40 tool, a backup script) does so once the database's locks went;
 * better-sqlite3's 3.53, which also asks whether another process still holds the -shm, once its went too.
 */

interface FileId {
  dev: number;
  ino: number;
}

const suffixes = ['', '-wal', '-shm', '-journal'];
const idOf = (path: string): FileId | undefined => statSync(path, { throwIfNoEntry: false });
const same = (a: FileId, b: FileId) => a.dev === b.dev && a.ino === b.ino;

export class StoreFiles {
  /** The -wal and -shm as this process opened them. */
  private readonly opened: Array<{ path: string; id: FileId }>;

  /** `file`: the store's database file, right after it was opened in WAL mode (":memory:" has no files). */
  constructor(readonly file: string) {
    this.opened = (file === ':memory:' ? [] : ['-wal', '-shm']).flatMap((s) => {
      const id = idOf(file + s);
      return id ? [{ path: file + s, id }] : [];
    });
  }

  /**
   * Whether a file (its stat) is one of the store's, under any name (a hard link too). Whatever serves files
   * must not open one: closing it again would drop the store's locks.
   */
  isStoreFile(file: FileId): boolean {
    if (this.file === ':memory:') return false;
    return suffixes.some((s) => {
      const id = idOf(this.file + s);
      return id !== undefined && same(id, file);
    });
  }

  /** Null while the -wal and -shm at their paths are still the files this process writes to; else what happened. */
  check(): string | null {
    const gone = this.opened.filter(({ path, id }) => {
      const now = idOf(path);
      return !now || !same(now, id);
    });
    if (!gone.length) return null;
    const names = gone.map((g) => basename(g.path)).join('、');
    return `数据库文件 ${names} 已被删除或替换：另一进程关闭数据库时认为已无其他进程使用它（本进程对数据库的文件锁已失效）。本进程此后的写入其他进程读不到，会丢失。 (${this.file}: ${names} deleted or replaced under an open connection; its file locks were lost)`;
  }
}

/**
 * Checks the store's files every `everyMs` until stopped, calling `broken` once with the sentence when its
 * WAL went. A long-running process (the web service) should then exit WITHOUT closing the store: a close
 * would try to checkpoint the deleted WAL into the database over pages others wrote since, and delete the
 * WAL file the others now use, by its name.
 */
export function watchStoreFiles(files: StoreFiles, broken: (problem: string) => void, everyMs = 10_000): () => void {
  const timer = setInterval(() => {
    const problem = files.check();
    if (!problem) return;
    clearInterval(timer);
    broken(problem);
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
