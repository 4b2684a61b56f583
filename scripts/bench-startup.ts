/**
 * Start-up of the command as users run it (`node bin/govscore.js …`, compiled dist/ when it is up to date):
 * wall seconds from spawn to exit, `runs` times each, for the commands that should answer at once.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface StartupFigures {
  command: string;
  seconds: number[];
  exitCodes: number[];
}

export function benchStartup(runs = 3): StartupFigures[] {
  const dir = mkdtempSync(join(tmpdir(), 'govscore-bench-startup-'));
  try {
    const badSites = join(dir, 'sites.yaml');
    // A sites file with a YAML error on line 3: the command must name the file, the line and the field.
    writeFileSync(badSites, 'sites:\n  - name: 江临市人民政府\n    url: [\n');
    const commands: Array<[string, string[]]> = [
      ['govscore --help', ['--help']],
      ['govscore indicators list', ['indicators', 'list']],
      ['govscore assess <sites file with a YAML error>', ['assess', badSites, '--out', join(dir, 'out')]],
    ];
    return commands.map(([command, args]) => {
      const seconds: number[] = [];
      const exitCodes: number[] = [];
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        const result = spawnSync(process.execPath, ['bin/govscore.js', ...args], { stdio: 'ignore' });
        seconds.push(Math.round((performance.now() - started) / 10) / 100);
        exitCodes.push(result.status ?? -1);
      }
      return { command, seconds, exitCodes };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
