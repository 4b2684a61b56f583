import { describe, expect, it } from 'vitest';

import { articleDateWithSource } from '../../../../evaluators/collect/list-items.js';
import type { PageRead } from '../../../../evaluators/collect/read-page.js';

/** An article page as the reader returns it: only what the date reader looks at. */
function article(lines: string[], extra: Partial<PageRead> = {}): PageRead {
  return { heading: '', title: '', metas: {}, mainText: lines.join('\n'), lines, dateHints: { jsonLd: [], itemprop: [], time: [] }, ...extra } as PageRead;
}

const asOf = '2026-11-21';

describe('the publication date of an article page', () => {
  it('takes the labelled date beside the title before a meta tag that disagrees', () => {
    const read = article(['首页 > 通知公告', '关于开展安全检查的通知', '发布时间：2026-11-03 来源：办公室', '各单位：……'], {
      heading: '关于开展安全检查的通知',
      metas: { PubDate: '2026-11-02 09:00' },
    });
    expect(articleDateWithSource(read, asOf)).toEqual({ date: '2026-11-03', source: 'labelled' });
  });

  it("takes the meta tag's year when the labelled date beside the title has none and the month and day agree", () => {
    const read = article(['标题一则', '发布时间：08-20 10:30', '正文'], { heading: '标题一则', metas: { 'og:release_date': '2025-08-20 10:30:00' } });
    expect(articleDateWithSource(read, asOf)).toEqual({ date: '2025-08-20', source: 'meta' });
  });

  it('takes the year of a meta tag of any name with the same month and day for a year-less labelled date', () => {
    // 百家号: 发布时间：10-0812:00 beside the title, the year only in <meta itemprop="dateUpdate">.
    const read = article(['标题一则', '发布时间：10-0812:00优质原创作者', '正文'], { heading: '标题一则', metas: { dateUpdate: '2019-10-08 12:00:57' } });
    expect(articleDateWithSource(read, asOf)).toEqual({ date: '2019-10-08', source: 'meta' });
  });

  it('does not take a year from a meta tag when the labelled date has its own', () => {
    const read = article(['标题一则', '发布时间：2026-10-08', '正文'], { heading: '标题一则', metas: { dateUpdate: '2019-10-08 12:00:57' } });
    expect(articleDateWithSource(read, asOf)).toEqual({ date: '2026-10-08', source: 'labelled' });
  });

  it('keeps a year-less labelled date when the meta tag is another day', () => {
    const read = article(['标题一则', '发布时间：11-20 10:30', '正文'], { heading: '标题一则', metas: { PubDate: '2024-03-01' } });
    expect(articleDateWithSource(read, asOf)).toEqual({ date: '2026-11-20', source: 'labelled' });
  });

  it('reads a meta tag in any of its forms when the page labels no date', () => {
    const read = article(['标题一则', '正文没有日期'], { heading: '标题一则', metas: { 'ARTICLE:PUBLISHED_TIME': '2026-10-09T08:00:00+08:00' } });
    expect(articleDateWithSource(read, asOf)).toEqual({ date: '2026-10-09', source: 'meta' });
  });

  it("takes an unlabelled byline under the title, but never the template's clock or a 成文日期", () => {
    const read = article(['今天是2026年12月2日 星期三', '标题一则', '成文日期：2026-09-01', '2026-09-07 13:43:45 来源：新华网', '正文'], {
      heading: '标题一则',
    });
    expect(articleDateWithSource(read, asOf)).toEqual({ date: '2026-09-07', source: 'byline' });
  });

  it('reads the byline under the title written again below the menus', () => {
    const menu = Array.from({ length: 20 }, (_, i) => `栏目${i}`);
    const read = article(['呼和浩特发放育儿津贴', ...menu, '呼和浩特发放育儿津贴', '2024-05-13 13:48', '来源：中国网', '正文'], {
      heading: '呼和浩特发放育儿津贴',
    });
    expect(articleDateWithSource(read, asOf)).toEqual({ date: '2024-05-13', source: 'byline' });
  });

  it('finds nothing on a page without a date rather than a wrong one', () => {
    expect(articleDateWithSource(article(['今天是2026年12月2日', '标题一则', '正文']), asOf)).toBeNull();
  });

  it('reads an unlabelled byline under the title, with the time written in 时 and 分', () => {
    const read = article(['跳转到主要内容区域', '四川省供需对接活动在成都举行', '2024年12月07日 08时01分', '来源: 四川日报', '12月6日，活动在成都举行。'], {
      heading: '四川省供需对接活动在成都举行',
    });
    expect(articleDateWithSource(read, asOf)).toEqual({ date: '2024-12-07', source: 'byline' });
  });

  it('does not take a date that opens a sentence of the body, nor one of a recommended article, for the byline', () => {
    const prose = article(['董寿平美术馆', '美术馆于1990年落成。', '1997年6月21日祖父董寿平在北京逝世，董氏文风由董逸泉继续传承。'], {
      heading: '董寿平美术馆',
    });
    expect(articleDateWithSource(prose, asOf)).toBeNull();
    const blog = article(['为什么 ChatGPT 不火了？', '最新推荐文章于 2024-05-07 22:12:13 发布', '作者 于 2024-05-06 15:47:53 发布', '正文'], {
      heading: '为什么 ChatGPT 不火了？',
    });
    expect(articleDateWithSource(blog, asOf)?.date).toBe('2024-05-06');
    const media = article(['江门七旬阿婆被骗上百万', '2019年09月11日 富达传媒 时政新闻 1665 0', '近日，广东江门警方接到报警。'], {
      heading: '江门七旬阿婆被骗上百万',
    });
    expect(articleDateWithSource(media, asOf)).toEqual({ date: '2019-09-11', source: 'byline' });
  });
});
