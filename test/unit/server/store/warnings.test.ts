import { describe, expect, it } from 'vitest';

import type { EarlyWarning } from '../../../../evaluators/early-warnings.js';
import { Store } from '../../../../server/store/store.js';
import { WarningTable } from '../../../../server/store/warnings.js';

const news = (latest: string, daysLeft: number): EarlyWarning => ({
  kind: 'column',
  indicator: 'V3',
  subject: 'http://a.example/gzdt/',
  name: '工作动态',
  due: latest,
  daysLeft,
  message: `还剩 ${daysLeft} 天`,
});
const site = { id: 'jyj', name: '某市教育局' };

describe('the early warnings table', () => {
  it('keeps one warning while the window stays the same, closes it when a check no longer finds it, and opens a new one for the next window', () => {
    const store = new Store(':memory:');
    const table = new WarningTable(store.db);
    const first = table.recordCheck(site, [news('2026-12-15', 4)], '2026-12-11');
    expect(first.fresh).toHaveLength(1);
    const next = table.recordCheck(site, [news('2026-12-15', 3)], '2026-12-12');
    expect(next).toMatchObject({ fresh: [], closed: 0 });
    expect(next.continuing).toEqual([expect.objectContaining({ id: first.fresh[0]!.id, daysLeft: 3, firstAsOf: '2026-12-11', lastAsOf: '2026-12-12' })]);
    // The column got an item: the warning is gone; later its new window nears its end, which is a new warning.
    expect(table.recordCheck(site, [], '2026-12-13')).toMatchObject({ fresh: [], continuing: [], closed: 1 });
    const again = table.recordCheck(site, [news('2026-12-27', 4)], '2026-12-23');
    expect(again.fresh).toHaveLength(1);
    expect(again.fresh[0]!.id).not.toBe(first.fresh[0]!.id);
    expect(table.forSites(['jyj']).map((w) => [w.due, w.closedAsOf])).toEqual([
      ['2026-12-27', null],
      ['2026-12-15', '2026-12-13'],
    ]);
    store.close();
  });

  it('keeps open what a check could not judge (a site it could not read, a column whose page failed)', () => {
    const store = new Store(':memory:');
    const table = new WarningTable(store.db);
    table.recordCheck(site, [news('2026-12-15', 4)], '2026-12-11');
    const unread = table.recordCheck(site, [], '2026-12-12', (open) => open.kind === 'availability');
    expect(unread).toMatchObject({ fresh: [], continuing: [], closed: 0 });
    expect(table.forSites(['jyj'])).toEqual([expect.objectContaining({ closedAsOf: null, lastAsOf: '2026-12-11' })]);
    expect(table.recordCheck(site, [], '2026-12-13').closed).toBe(1);
    store.close();
  });

  it('lists a warning as undelivered until a delivery to that target succeeds, and only for the sites asked', () => {
    const store = new Store(':memory:');
    const table = new WarningTable(store.db);
    const [w] = table.recordCheck(site, [news('2026-12-15', 4)], '2026-12-11').fresh;
    table.recordCheck({ id: 'fgw', name: '某市发改委' }, [news('2026-12-15', 4)], '2026-12-11');
    expect(table.undelivered(['jyj'], 'email', 'a@jyj.example').map((x) => x.siteId)).toEqual(['jyj']);
    const at = '2026-12-11T08:00:00Z';
    table.recordDelivery({ warningId: w!.id, channel: 'email', target: 'a@jyj.example', state: 'failed', attempts: 4, error: 'ECONNREFUSED', at });
    expect(table.undelivered(['jyj'], 'email', 'a@jyj.example')).toHaveLength(1);
    table.recordDelivery({ warningId: w!.id, channel: 'email', target: 'a@jyj.example', state: 'sent', attempts: 1, error: null, at });
    expect(table.undelivered(['jyj'], 'email', 'a@jyj.example')).toEqual([]);
    expect(table.undelivered(['jyj'], 'email', 'b@jyj.example')).toHaveLength(1);
    expect(table.deliveries(w!.id)).toEqual([expect.objectContaining({ state: 'sent', attempts: 5 })]);
    store.close();
  });
});
