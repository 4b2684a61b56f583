import { describe, expect, it } from 'vitest';

import type { DisclosureObservation } from '../../../evaluators/collect/disclosure-pages.js';
import type { Anchor, PageFacts } from '../../../evaluators/collect/page-facts.js';
import { evaluateDisclosure } from '../../../evaluators/disclosure.js';

/** A 法定主动公开内容 page's facts with just the links that matter here. */
function statutoryPage(anchors: Array<Partial<Anchor> & { text: string }>): DisclosureObservation {
  const facts: PageFacts = {
    url: 'http://x.gov.cn/xxgk/fdzdgknr/',
    title: '法定主动公开内容',
    lang: 'zh-CN',
    metas: {},
    viewport: null,
    anchors: anchors.map((a, i) => ({ href: `http://x.gov.cn/p${i}.html`, script: false, zone: 'main', row: '', block: null, ...a })),
    mainText: '',
    headings: [],
    labels: [],
    tables: [],
    pairs: [],
    lists: [],
    mainImages: 0,
    iframes: [],
    footerText: '',
    search: null,
  };
  const page = { url: facts.url, finalUrl: facts.url, status: 200, error: null, facts };
  return { entry: page, parts: { statutory: { linkText: '法定主动公开内容', href: facts.url, page } }, reports: [] };
}

const found = (o: DisclosureObservation) =>
  evaluateDisclosure(o, '2026-11-21', 'department')
    .items.filter((i) => i.found)
    .map((i) => i.id);

describe('disclosure: which links on the 法定主动公开内容 page name Art. 20 items', () => {
  it('reads a directory of items wherever the layout puts it, even in a block the zones call navigation', () => {
    // A tile wall near the top of the page is laid out like a menu bar: its zone is "nav", but it names 4 items.
    const tiles = ['规范性文件', '规划计划', '统计数据', '财政预决算'].map((text) => ({ text, zone: 'nav' as const, block: 7 }));
    expect(found(statutoryPage(tiles))).toEqual([1, 3, 4, 7]);
  });

  it('does not take a menu naming one item in passing for the directory', () => {
    const page = statutoryPage([
      { text: '政策文件', zone: 'nav', block: 1 },
      { text: '新闻中心', zone: 'nav', block: 1 },
      { text: '机构职能', zone: 'side', block: 2 },
      { text: '领导信息', zone: 'side', block: 2 },
      { text: '统计数据', zone: 'main', block: 3 },
      { text: '网站标识码 规范性文件', zone: 'footer', block: 4 },
    ]);
    // The top bar names item 1 and the side bar only item 2 (twice): neither is a directory; the content names item 4.
    expect(found(page)).toEqual([4]);
  });

  it('counts a side tree menu that names several items when the content names none', () => {
    const page = statutoryPage([
      { text: '规范性文件', zone: 'side', block: 2 },
      { text: '行政处罚', zone: 'side', block: 2 },
      { text: '政府采购', zone: 'side', block: 2 },
    ]);
    expect(found(page)).toEqual([1, 6, 9]);
  });
});
