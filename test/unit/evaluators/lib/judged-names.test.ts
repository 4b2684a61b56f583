import { describe, expect, it } from 'vitest';

import { bareName, differentRecords, genericLinkName, unhelpfulImageName } from '../../../../evaluators/lib/judged-names.js';

describe('image names that describe nothing', () => {
  it('file names, camera and upload-tool names and hex digests are file names', () => {
    expect(unhelpfulImageName('nyhavn.jpeg')).toBe('file-name');
    expect(unhelpfulImageName('banner_2026.PNG')).toBe('file-name');
    expect(unhelpfulImageName('IMG_20260311')).toBe('file-name');
    expect(unhelpfulImageName('DSC00012')).toBe('file-name');
    expect(unhelpfulImageName('微信图片_20260301102233')).toBe('file-name');
    expect(unhelpfulImageName('94251e110d24a4c2b6e6ce76e7203374')).toBe('file-name');
  });

  it('"image" in either language, decorated or not, is generic', () => {
    expect(unhelpfulImageName('图片')).toBe('generic');
    expect(unhelpfulImageName(' [图片] ')).toBe('generic');
    expect(unhelpfulImageName('Image')).toBe('generic');
    expect(unhelpfulImageName('photo.')).toBe('generic');
  });

  it('words that name what is shown are left alone, file-like or not', () => {
    for (const name of ['Nyhavn', 'login', 'pain', '市长信箱', '2026年政府工作报告图解', 'W3C logo', '图片新闻', 'cafe', 'deadbeef', 'v2.0 版本说明', ''])
      expect(unhelpfulImageName(name), name).toBeNull();
  });

  it('an image in a link downloading the file it is named after stands for that file', () => {
    expect(unhelpfulImageName('nyhavn.jpeg', 'nyhavn.jpeg')).toBeNull();
    expect(unhelpfulImageName('nyhavn.jpeg', 'paris.jpeg')).toBe('file-name');
  });
});

describe('link names that need their context', () => {
  it('更多, 点击这里, Read more and the like, with arrows and brackets', () => {
    for (const name of ['更多', '更多>>', '更多 »', '[详情]', '点击这里', 'Read more', 'Click here', 'MORE', '》》更多', '下载'])
      expect(genericLinkName(name), name).toBe(true);
  });

  it('names that say where they go', () => {
    for (const name of ['更多通知公告', '查看《关于做好春季学期开学工作的通知》全文', 'HTML', 'Workshop', '市长信箱', '>>', ''])
      expect(genericLinkName(name), name).toBe(false);
  });

  it('bareName drops decoration and case only', () => {
    expect(bareName(' 【更多】>> ')).toBe('更多');
    expect(bareName('Read More…')).toBe('readmore');
  });
});

describe('links of one name leading to different records', () => {
  it('one address with different queries: different records, whatever the order of the parameters', () => {
    expect(differentRecords(['https://x.gov.cn/art.jsp?id=1', 'https://x.gov.cn/art.jsp?id=2'])).toBe(true);
    expect(differentRecords(['https://x.gov.cn/art.jsp?id=1&c=2', 'https://x.gov.cn/art.jsp?c=2&id=1'])).toBe(false);
  });

  it('the same address, other paths, other hosts, fragments and non-web links are not judged', () => {
    expect(differentRecords(['https://x.gov.cn/a.html', 'https://x.gov.cn/a.html'])).toBe(false);
    expect(differentRecords(['https://x.gov.cn/about/contact.html', 'https://x.gov.cn/careers/contact.html'])).toBe(false);
    expect(differentRecords(['https://a.gov.cn/', 'https://b.gov.cn/'])).toBe(false);
    expect(differentRecords(['https://x.gov.cn/a.html#one', 'https://x.gov.cn/a.html#two'])).toBe(false);
    expect(differentRecords(['javascript:void(0)', 'mailto:a@x.gov.cn', 'not a url'])).toBe(false);
  });
});
