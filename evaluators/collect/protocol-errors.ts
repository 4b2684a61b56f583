/**
 * Errors of the browser connection about a tab or session that has gone (a page closed while Lighthouse's
 * target manager was attaching to it, a renderer that crashed). They may surface outside any await of ours,
 * from a library's event handler, as an unhandled rejection; one page's measurement is then lost, never
 * the run. Lighthouse brings its own puppeteer-core, so they are known by name and message, not by class.
 */
const gonePattern =
  /Target closed|Session closed|Connection closed|No target with given id|Target\.setAutoAttach|detached Frame|Execution context was destroyed/i;

export function isBrowserProtocolError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return error.name === 'TargetCloseError' || error.name === 'ConnectionClosedError' || gonePattern.test(error.message);
}

/**
 * Keeps the process going when a browser-connection error about a closed tab escapes (said once a minute at
 * most, in one line); anything else that escapes is still a bug, printed with its stack, exit 1.
 */
export function guardAgainstStrayProtocolErrors(log: (line: string) => void = (line) => console.error(line)): void {
  let lastSaid = 0;
  const stray = (error: unknown) => {
    if (isBrowserProtocolError(error)) {
      if (Date.now() - lastSaid > 60_000)
        log(`浏览器连接报告一个页面已关闭（多见于 Lighthouse 检测中途），已忽略，评估继续：${(error as Error).message.slice(0, 160)}`);
      lastSaid = Date.now();
      return;
    }
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  };
  process.on('unhandledRejection', stray);
  process.on('uncaughtException', stray);
}
