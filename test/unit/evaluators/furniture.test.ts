import { describe, expect, it } from 'vitest';

import type { PageFurniture, PageIntegrity } from '../../../evaluators/collect/page-integrity.js';
import { checkDomain, missingFurniture } from '../../../evaluators/furniture.js';
import { linkSafetyConfig } from '../../../evaluators/lib/link-safety-config.js';

const full: PageFurniture = {
  siteIdCode: '3301000011',
  icp: '浙ICP备05012345号',
  police: '浙公网安备 33010202000101号',
  links: [
    { href: 'https://bszs.conac.cn/sitename?method=show&id=1', text: '党政机关', image: '/red.png' },
    { href: 'https://beian.miit.gov.cn/', text: '浙ICP备05012345号', image: null },
    { href: 'http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=33010202000101', text: '浙公网安备 33010202000101号', image: null },
  ],
};

const page = (url: string, role: string, furniture: Partial<PageFurniture> = {}, sources: string[] = []): PageIntegrity => ({
  url,
  role,
  template: url,
  hidden: [],
  outbound: [],
  sources,
  furniture: { ...full, ...furniture },
});

describe('missingFurniture', () => {
  it('finds nothing when every kind of page shows every item linked to its system', () => {
    expect(
      missingFurniture([page('https://a.gov.cn/', 'homepage'), page('https://a.gov.cn/c/', 'column'), page('https://a.gov.cn/c/1.html', 'article')]),
    ).toEqual([]);
  });

  it('names the kind of page lacking an item on at least half of its pages, with an example; one odd page does not count', () => {
    const withoutPolice = { police: null, links: full.links.slice(0, 2) };
    const pages = [
      page('https://a.gov.cn/', 'homepage'),
      page('https://a.gov.cn/c/', 'column', withoutPolice),
      page('https://a.gov.cn/d/', 'hub'),
      page('https://a.gov.cn/e/', 'column'),
      page('https://a.gov.cn/c/1.html', 'article', withoutPolice),
      page('https://a.gov.cn/c/2.html', 'article', withoutPolice),
    ];
    expect(missingFurniture(pages)).toEqual([
      { kind: 'article', item: 'police', state: 'absent', pagesMissing: 2, pagesRead: 2, example: 'https://a.gov.cn/c/1.html' },
    ]);
  });

  it('tells an ICP number not linked to the filing system from a missing one; the conac script counts as the badge', () => {
    const pages = [
      page('https://a.gov.cn/', 'homepage', { links: [full.links[2]!] }, ['https://dcs.conac.cn/js/33/000/0000/60425621/CA330000000604256210001.js']),
    ];
    expect(missingFurniture(pages, linkSafetyConfig())).toEqual([
      { kind: 'homepage', item: 'icp', state: 'unlinked', pagesMissing: 1, pagesRead: 1, example: 'https://a.gov.cn/' },
    ]);
  });
});

describe('checkDomain', () => {
  it('asks for .gov.cn and, when declared, the portal domain; loopback hosts are not checked', () => {
    expect(checkDomain('https://jyj.example.gov.cn/', 'example.gov.cn').status).toBe('ok');
    expect(checkDomain('https://jyj.other.gov.cn/', 'example.gov.cn').status).toBe('outside-portal');
    expect(checkDomain('https://www.jyj-example.com/', null).status).toBe('not-gov');
    expect(checkDomain('http://127.0.0.1:8080/', 'example.gov.cn').status).toBe('not-checked');
  });
});
