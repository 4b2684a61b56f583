import { describe, expect, it } from 'vitest';

import { Store } from '../../../../server/store/store.js';

const set = { id: 'national-2019', version: '3', sha256: 'a'.repeat(64) };

describe('stored scores', () => {
  it('keep the time they last changed: scoring again to the same result does not make them newer', async () => {
    const store = new Store(':memory:');
    store.createRun(
      { id: 'r1', key: 'k1', name: '测试', asOf: '2026-11-21', sitesFile: 'sites.yaml', sitesSha256: 'b'.repeat(64), indicators: 'national-2019', options: {} },
      [{ siteId: 'jyj', position: 0, name: '教育局', url: 'http://jyj.example/', group: '市直部门', services: false, level: 'department' }],
    );
    const pause = () => new Promise((resolve) => setTimeout(resolve, 15));
    store.saveScores('r1', set, [{ siteId: 'jyj', score: { score: 90 } }]);
    const first = store.scoresOf('r1')[0]!.computedAt;
    await pause();
    store.saveScores('r1', set, [{ siteId: 'jyj', score: { score: 90 } }]);
    expect(store.scoresOf('r1').map((s) => s.computedAt)).toEqual([first]);
    await pause();
    store.saveScores('r1', set, [{ siteId: 'jyj', score: { score: 93 } }]);
    const changed = store.scoresOf('r1');
    expect(changed).toHaveLength(1);
    expect(changed[0]!.score).toEqual({ score: 93 });
    expect(changed[0]!.computedAt > first).toBe(true);
    store.close();
  });
});
