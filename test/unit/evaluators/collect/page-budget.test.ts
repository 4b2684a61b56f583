import { describe, expect, it } from 'vitest';

import { ArticleReads } from '../../../../evaluators/collect/article-reads.js';
import { inOrder, levelSlices, PageAccount, PageMeter, type PageShare, siteShares } from '../../../../evaluators/collect/page-budget.js';

/** A small seeded generator: the same sequence on every run. */
function random(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

/** The steps of work running side by side, in a random interleaving that keeps each one's own order. */
function interleaved(queues: string[][], next: () => number): Array<{ visit: number; page: string }> {
  const left = queues.map((q) => [...q]);
  const out: Array<{ visit: number; page: string }> = [];
  for (let live = left.flatMap((q, i) => (q.length ? [i] : [])); live.length; live = left.flatMap((q, i) => (q.length ? [i] : []))) {
    const visit = live[Math.floor(next() * live.length)]!;
    out.push({ visit, page: left[visit]!.shift()! });
  }
  return out;
}

describe('how a level shares its pages', () => {
  it('gives equal slices in discovery order, the first ones one page more, and hands out the whole room', () => {
    expect(levelSlices(10, 3)).toEqual([4, 3, 3]);
    expect(levelSlices(9, 3)).toEqual([3, 3, 3]);
    for (const [room, parts] of [
      [374, 11],
      [7, 7],
      [100, 1],
    ])
      expect(levelSlices(room!, parts!).reduce((a, b) => a + b, 0)).toBe(room);
  });

  it('with fewer pages than pages to visit, gives the first ones a page each and the rest none', () => {
    expect(levelSlices(2, 5)).toEqual([1, 1, 0, 0, 0]);
    expect(levelSlices(0, 3)).toEqual([0, 0, 0]);
    expect(levelSlices(5, 0)).toEqual([]);
  });
});

describe('how a site shares its pages once its homepage is read', () => {
  it('gives the crawl three quarters; the checks after it their first tries, then the sections, from the last quarter', () => {
    expect(siteShares(499, 8)).toEqual({ crawl: 375, checks: 8, sections: 116 });
    expect(siteShares(11, 4)).toEqual({ crawl: 9, checks: 2, sections: 0 });
    expect(siteShares(0, 4)).toEqual({ crawl: 0, checks: 0, sections: 0 });
  });

  it('without the section finders, leaves the crawl what the checks do not need', () => {
    expect(siteShares(99, 2, false)).toEqual({ crawl: 97, checks: 2, sections: 0 });
  });

  it('gives work that runs side by side its first tries in order, then its further pages in the same order', () => {
    const needs = [
      { first: 2, more: 2 },
      { first: 1, more: 1 },
      { first: 1, more: 0 },
    ];
    expect(inOrder(10, needs)).toEqual([4, 2, 1]);
    expect(inOrder(5, needs)).toEqual([3, 1, 1]);
    expect(inOrder(3, needs)).toEqual([2, 1, 0]);
    expect(inOrder(1, needs)).toEqual([1, 0, 0]);
  });
});

describe('a share of the page budget', () => {
  it('grants pages until its room is spent, then refuses them, and counts both by phase', () => {
    const meter = new PageMeter(3);
    const site = meter.whole();
    expect([site.take('/'), site.take('/a', 'columns'), site.take('/b', 'articles'), site.take('/c', 'articles'), site.take('/d', 'mailbox')]).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
    expect(meter.use()).toEqual({ limit: 3, opened: 3, refused: 2, cut: { articles: 1, mailbox: 1 } });
    expect(meter.refusedPages()).toEqual(['/c', '/d']);
  });

  it('lists the refused phases in their own order, whatever order the refusals came in', () => {
    const meter = new PageMeter(1);
    const site = meter.whole();
    site.take('/');
    site.take('/x', 'lighthouse');
    site.take('/y', 'columns');
    expect(Object.keys(meter.use().cut)).toEqual(['columns', 'lighthouse']);
  });

  it('carves no more than it has, and gets back what a carved share left, pages released included, only when given back', () => {
    const meter = new PageMeter(10);
    const site = meter.whole();
    const a = site.carve(4, 'columns');
    const b = site.carve(20, 'articles');
    expect([a.room, b.room, site.room]).toEqual([4, 6, 0]);
    expect(b.take('/1')).toBe(true);
    b.release(); // read by another column meanwhile: not opened
    expect(meter.opened).toBe(0);
    expect(b.room).toBe(5);
    expect(site.take('/late')).toBe(false);
    site.giveBack(b);
    expect(site.room).toBe(6);
    expect(b.room).toBe(0);
  });

  it('takes a page only if it has room, recording no refusal otherwise: the page may get one in a later round', () => {
    const meter = new PageMeter(1);
    const site = meter.whole();
    expect([site.takeIfRoom('/', 'columns'), site.takeIfRoom('/a', 'articles')]).toEqual([true, false]);
    expect(meter.use()).toEqual({ limit: 1, opened: 1, refused: 0, cut: {} });
  });

  it('a budget below one page still opens the homepage', () => {
    const site = new PageMeter(0).whole();
    expect(site.take('/')).toBe(true);
    expect(site.take('/a')).toBe(false);
  });

  it('never lets more pages be opened than the limit, whatever is carved, taken, released and given back', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const next = random(seed);
      const limit = 1 + Math.floor(next() * 60);
      const meter = new PageMeter(limit);
      const site = meter.whole();
      const open: PageShare[] = [];
      for (let step = 0; step < 300; step++) {
        const roll = next();
        const share = open.length && roll < 0.5 ? open[Math.floor(next() * open.length)]! : site;
        if (roll < 0.15) open.push(share.carve(Math.floor(next() * 20), 'columns'));
        else if (roll < 0.25 && open.length) site.giveBack(open.splice(Math.floor(next() * open.length), 1)[0]!);
        else if (roll < 0.3 && share.opened > 0) share.release();
        else if (roll < 0.4) open.push(...share.split(1 + Math.floor(next() * 6)).filter((s): s is PageShare => s !== null));
        else share.take(`/p${step}`, 'articles');
        expect(meter.opened).toBeLessThanOrEqual(limit);
      }
    }
  });

  it('grants a level the same pages whatever order its visits take them in', () => {
    // A level of five pages; each visit wants its page, list pages and articles, taken from its own slice in its own order.
    const wants = [3, 9, 1, 6, 4].map((n, visit) => Array.from({ length: n }, (_, i) => `/v${visit}/${i}`));
    const grantedIn = (seed: number) => {
      const meter = new PageMeter(17);
      const slices = meter.whole().split(wants.length, 'columns');
      const granted = wants.map(() => [] as string[]);
      for (const { visit, page } of interleaved(wants, random(seed))) if (slices[visit]?.take(page, 'articles')) granted[visit]!.push(page);
      return { granted, use: meter.use() };
    };
    const first = grantedIn(1);
    for (const seed of [2, 3, 4, 5, 6]) expect(grantedIn(seed)).toEqual(first);
    // Slices of 4, 4, 3, 3, 3: the second, fourth and fifth visits are cut; the first and third leave pages for the next level.
    expect(first.granted.map((g) => g.length)).toEqual([3, 4, 1, 3, 3]);
    expect(first.use).toEqual({ limit: 17, opened: 14, refused: 9, cut: { articles: 9 } });
  });
});

describe('a share replayed from the crawl journal', () => {
  /** A visit's work on its slice: pages, a page read by another column meanwhile, pages its slice has no room for. */
  const work = (slice: PageShare) => {
    slice.take('/col', 'columns');
    slice.take('/col?page=2', 'listPages');
    slice.take('/a1', 'articles');
    slice.release();
    slice.take('/a2', 'articles');
    slice.take('/a3', 'articles');
    slice.refuse('/col?page=3', 'listPages');
  };

  it('leaves the share, the site and its count as the work itself did, opening nothing', () => {
    const worked = new PageMeter(12);
    const workedSite = worked.whole();
    const slice = workedSite.carve(4, 'columns');
    work(slice);
    const use = JSON.parse(JSON.stringify(slice.use()));
    expect(use).toEqual({
      opened: 3,
      released: 1,
      refused: [
        { url: '/a3', phase: 'articles' },
        { url: '/col?page=3', phase: 'listPages' },
      ],
    });
    workedSite.giveBack(slice);

    const replayed = new PageMeter(12);
    const replayedSite = replayed.whole();
    const again = replayedSite.carve(4, 'columns');
    again.replay(use);
    expect([again.room, again.opened, again.use()]).toEqual([0, 3, use]);
    replayedSite.giveBack(again);
    expect(replayedSite.room).toBe(workedSite.room);
    expect(replayed.use()).toEqual(worked.use());
    expect(replayed.refusedPages()).toEqual(worked.refusedPages());
  });

  it("an old journal's page count, which could exceed the share, counts as far as the share goes", () => {
    const meter = new PageMeter(10);
    const slice = meter.whole().carve(3, 'columns');
    slice.replay({ opened: 5, released: 0, refused: [] });
    expect([slice.room, slice.opened, meter.opened]).toEqual([0, 3, 3]);
  });

  it('keeps each account of a share used side by side apart, and replays one in its place', () => {
    const meter = new PageMeter(4);
    const round = meter.whole().carve(3, 'articles');
    const [a, b] = [new PageAccount(round), new PageAccount(round)];
    expect([a.take('/1'), b.take('/2'), a.take('/3'), b.take('/4')]).toEqual([true, true, true, false]);
    a.release();
    expect(a.use()).toEqual({ opened: 1, released: 1, refused: [] });
    expect(b.use()).toEqual({ opened: 1, released: 0, refused: [{ url: '/4', phase: 'articles' }] });

    const again = new PageMeter(4);
    const replayedRound = again.whole().carve(3, 'articles');
    replayedRound.replay(a.use());
    const fresh = new PageAccount(replayedRound);
    expect([fresh.take('/2'), fresh.take('/4')]).toEqual([true, false]);
    expect(again.use()).toEqual(meter.use());
  });
});

describe('article readings a column may use', () => {
  const reading = Promise.resolve('read');
  it('plans with settled readings only (those of finished rounds), a scanned one serving both wishes', () => {
    const reads = new ArticleReads<string>();
    reads.add('/a', true, reading);
    expect(reads.find('/a', true, true)).toBeNull();
    reads.settle();
    expect(reads.find('/a', false, true)).toBe(reading);
    expect(reads.find('/a', true, true)).toBe(reading);
  });

  it('uses a reading of its own round only when it would have read the page the same way', () => {
    const reads = new ArticleReads<string>();
    reads.add('/a', true, reading);
    expect(reads.find('/a', true)).toBe(reading);
    expect(reads.find('/a', false)).toBeNull();
    const unscanned = Promise.resolve('unscanned');
    reads.add('/b', false, unscanned);
    expect(reads.find('/b', false)).toBe(unscanned);
    expect(reads.find('/b', true)).toBeNull();
  });
});
