import { describe, expect, it } from 'vitest';

import { lighthouseUrls } from '../../../../evaluators/collect/crawl-site.js';
import type { ColumnObservation } from '../../../../evaluators/collect/observations.js';

const column = (url: string, blank: boolean) => ({ url, blank }) as ColumnObservation;

// lighthouse.test.ts runs Lighthouse on homepages only (each run costs 15–45 s on a loaded machine); which pages
// the default of two picks is asserted here instead.
describe('the pages Lighthouse scores', () => {
  it('takes the homepage, then the first column with items in crawl order, up to the count', () => {
    const columns = [column('http://a/blank/', true), column('http://a/news/', false), column('http://a/notices/', false)];
    expect(lighthouseUrls('http://a/', columns, 2)).toEqual(['http://a/', 'http://a/news/']);
    expect(lighthouseUrls('http://a/', columns, 1)).toEqual(['http://a/']);
    expect(lighthouseUrls('http://a/', columns, 0)).toEqual([]);
    expect(lighthouseUrls('http://a/', [column('http://a/blank/', true)], 2)).toEqual(['http://a/']);
  });
});
