import type { CDPSession } from 'puppeteer';

/**
 * Which items of an array the page holds (`expression`, e.g. window.__govscorePageChecks.candidates) have a listener
 * of their own of one of `types`, as the debugger protocol sees them (addEventListener and on… attributes alike).
 * Handlers delegated to an ancestor are the ancestor's: put it in the array to see them.
 */
export async function listenedItems(client: CDPSession, expression: string, types: ReadonlySet<string>): Promise<Set<number>> {
  const found = new Set<number>();
  // The array and the elements read from it in one group, released at the end: the session outlives the page's reads.
  const objectGroup = 'govscore-listened';
  try {
    const { result } = await client.send('Runtime.evaluate', { expression, objectGroup });
    if (!result.objectId) return found;
    const { result: props } = await client.send('Runtime.getProperties', { objectId: result.objectId, ownProperties: true });
    await Promise.all(
      props.map(async (p) => {
        const index = Number(p.name);
        if (!Number.isInteger(index) || !p.value?.objectId) return;
        const { listeners } = await client.send('DOMDebugger.getEventListeners', { objectId: p.value.objectId });
        if (listeners.some((l) => types.has(l.type))) found.add(index);
      }),
    );
    return found;
  } finally {
    await client.send('Runtime.releaseObjectGroup', { objectGroup }).catch(() => undefined);
  }
}
