import { spawnSync } from 'node:child_process';

import { describe, expect, it } from 'vitest';

import { isBrowserProtocolError } from '../../../../evaluators/collect/protocol-errors.js';

const named = (name: string, message: string) => Object.assign(new Error(message), { name });

describe('browser-connection errors that escape a library', () => {
  it('knows a closed tab or session by name or message, whichever puppeteer-core threw it', () => {
    expect(isBrowserProtocolError(named('TargetCloseError', 'Protocol error (Target.setAutoAttach): Target closed'))).toBe(true);
    expect(isBrowserProtocolError(named('ProtocolError', 'Protocol error (Runtime.evaluate): Session closed. Most likely the page has been closed.'))).toBe(
      true,
    );
    expect(isBrowserProtocolError(named('ConnectionClosedError', 'Connection closed.'))).toBe(true);
    expect(isBrowserProtocolError(new TypeError("Cannot read properties of undefined (reading 'score')"))).toBe(false);
    expect(isBrowserProtocolError('Target closed')).toBe(false);
  });

  // The guard in a process of its own, as the CLI installs it: the process goes on after a stray closed-tab
  // error, and still ends with exit 1 and the stack on any other.
  const run = (rejection: string) =>
    spawnSync(
      'node_modules/.bin/tsx',
      [
        '-e',
        `import { guardAgainstStrayProtocolErrors } from './evaluators/collect/protocol-errors.ts';
guardAgainstStrayProtocolErrors();
Promise.reject(${rejection});
setTimeout(() => console.log('still running'), 300);`,
      ],
      { encoding: 'utf8', timeout: 30_000 },
    );

  it('a stray TargetCloseError from Lighthouse is said in one line and the run goes on', () => {
    const child = run(`Object.assign(new Error('Protocol error (Target.setAutoAttach): Target closed'), { name: 'TargetCloseError' })`);
    expect(child.status).toBe(0);
    expect(child.stdout).toContain('still running');
    expect(child.stderr.trim()).toBe(
      '浏览器连接报告一个页面已关闭（多见于 Lighthouse 检测中途），已忽略，评估继续：Protocol error (Target.setAutoAttach): Target closed',
    );
  });

  it('any other unhandled error still ends the process with its stack, exit 1', () => {
    const child = run(`new TypeError('a bug of ours')`);
    expect(child.status).toBe(1);
    expect(child.stdout).not.toContain('still running');
    expect(child.stderr).toContain('TypeError: a bug of ours');
  });
});
