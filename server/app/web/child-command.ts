import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';

/** How a child command ended: its log's last line (its error, one line by design) when it failed. */
export type CommandEnd = { ok: true } | { ok: false; message: string };

/**
 * `node <argv…>` (a govscore command) as a child process in a process group of its own, so that stopping it stops
 * the Chromium it started too, its output appended to `log`; the web app's campaigns, report rewrites and re-checks
 * run this way (a crash of one cannot take the service down). `ended` settles once; `what` names the process in
 * the messages of a failure that left no line in the log (评估进程, 报告生成进程, 复核进程).
 */
export function startCommand(o: { argv: string[]; log: string; what: string }): { child: ChildProcess; ended: Promise<CommandEnd> } {
  const fd = openSync(o.log, 'a');
  let child: ChildProcess;
  try {
    child = spawn(process.execPath, o.argv, { stdio: ['ignore', fd, fd], detached: true });
  } finally {
    closeSync(fd); // the child holds its own copy
  }
  const ended = new Promise<CommandEnd>((resolve) => {
    // A process that cannot start reports 'error' and may report 'exit' too: the first one counts.
    child.once('error', (error) => resolve({ ok: false, message: `无法启动${o.what}：${error.message}` }));
    child.once('exit', (code, signal) =>
      resolve(code === 0 ? { ok: true } : { ok: false, message: lastLine(o.log) ?? (signal ? `${o.what}被终止（${signal}）` : `${o.what}退出，代码 ${code}`) }),
    );
  });
  return { child, ended };
}

/** Signals a child's whole process group (the Chromium it started with it); nothing when it is gone. */
export function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** The last non-empty line of a log: what a failed assess said last (its error, one line by design). */
export function lastLine(file: string): string | null {
  if (!existsSync(file)) return null;
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const length = Math.min(size, 8192);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, size - length);
    return (
      buffer
        .toString('utf8')
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean)
        .at(-1) ?? null
    );
  } finally {
    closeSync(fd);
  }
}
