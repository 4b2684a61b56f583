import { describe, expect, it } from 'vitest';

import { withScreenshots } from '../../../evaluators/finding-screenshots.js';

const home = 'https://www.example.gov.cn/';
const column = 'https://www.example.gov.cn/gzdt/';

describe('findings given their page and its screenshot', () => {
  const shots = new Map([[column, 'site/gzdt.jpg']]);
  const homepage = { url: home, screenshot: 'site/home.jpg' };

  it('a finding about the homepage that named no page points at the homepage and carries its picture', () => {
    const out = withScreenshots({ 'identity.https': [{ subject: 'https', message: '网站未使用HTTPS', url: null, evidence: null }] }, homepage, shots);
    expect(out['identity.https']).toEqual([{ subject: 'https', message: '网站未使用HTTPS', url: home, evidence: null, screenshot: 'site/home.jpg' }]);
  });

  it('a finding on a page the crawl screenshotted carries that picture; one already carrying its own keeps it', () => {
    const out = withScreenshots(
      {
        'updateFrequency.newsVolume': [{ subject: 'news-volume', message: '近14天要闻/动态类栏目发布信息 3 条', url: column, evidence: null }],
        'updateFrequency.blank': [
          { subject: 'column://www.example.gov.cn/gzdt/', message: '栏目“x”为空白栏目', url: column, evidence: null, screenshot: 'site/x.jpg' },
        ],
      },
      homepage,
      shots,
    );
    expect(out['updateFrequency.newsVolume']![0]!.screenshot).toBe('site/gzdt.jpg');
    expect(out['updateFrequency.blank']![0]!.screenshot).toBe('site/x.jpg');
  });

  it('a finding about another page, or with no page and not about the homepage, gets no picture it does not rest on', () => {
    const out = withScreenshots(
      {
        'links.elsewhere': [
          { subject: 'link://www.example.gov.cn/a/b.html', message: '链接不可用', url: 'https://www.example.gov.cn/a/b.html', evidence: null },
        ],
        'disclosure.items': [{ subject: 'disclosure-item:7', message: '缺少法定主动公开内容', url: null, evidence: null }],
      },
      homepage,
      shots,
    );
    expect(out['links.elsewhere']![0]).toMatchObject({ url: 'https://www.example.gov.cn/a/b.html', screenshot: null });
    expect(out['disclosure.items']![0]).toMatchObject({ url: null, screenshot: null });
  });

  it('a finding that declines a picture keeps none, even on the homepage (a redirect other visitors got is not in it)', () => {
    const hijack = {
      subject: 'ua-redirect:search-referer',
      message: '疑似劫持：首页对百度搜索访客跳转到站外地址',
      url: home,
      evidence: null,
      screenshot: null,
    };
    expect(withScreenshots({ 'linkSafety.suspicious': [hijack] }, homepage, shots)['linkSafety.suspicious']![0]!.screenshot).toBeNull();
    expect(withScreenshots({ 'linkSafety.suspicious': [{ ...hijack, screenshot: undefined }] }, homepage, shots)['linkSafety.suspicious']![0]!.screenshot).toBe(
      'site/home.jpg',
    );
  });
});
