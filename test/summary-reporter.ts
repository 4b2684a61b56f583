import type { Reporter } from 'vitest/node';

interface TaskLike {
  type: string;
  mode?: string;
  tasks?: TaskLike[];
  result?: { state?: string };
}

/** Ends the run with the plain "N passed, N failed" line that CI reads, after vitest's own summary. */
export default class SummaryReporter implements Reporter {
  onFinished(files: TaskLike[] = []): void {
    const count = { pass: 0, fail: 0, other: 0 };
    const walk = (task: TaskLike) => {
      if (task.type === 'test') {
        const state = task.result?.state;
        if (state === 'pass') count.pass++;
        else if (state === 'fail') count.fail++;
        else count.other++;
      }
      task.tasks?.forEach(walk);
    };
    files.forEach(walk);
    console.log(`\n${count.pass} passed, ${count.fail} failed${count.other ? `, ${count.other} skipped` : ''}`);
  }
}
