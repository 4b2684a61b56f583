import { describe, expect, it } from 'vitest';

import {
  bareName,
  differentRecords,
  genericLabelName,
  genericLinkName,
  textsUnrelated,
  titlePartOfHeading,
  titleUnrelated,
  unhelpfulImageName,
} from '../../../../evaluators/lib/judged-names.js';

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

describe('field labels that name no content', () => {
  it('words for a part of the screen or an action, decorated or not', () => {
    for (const name of ['菜单', '提交', '确定：', 'Menu', 'Go', ' OK ', '输入框']) expect(genericLabelName(name), name).toBe(true);
  });

  it('labels saying what to enter', () => {
    for (const name of ['姓名', '搜索', '请输入关键词', 'First name:', 'Search', '菜单名称', '']) expect(genericLabelName(name), name).toBe(false);
  });
});

describe('titles that share next to nothing with their page', () => {
  const article =
    '关于做好2026年冬季安全生产工作的通知 各乡镇人民政府、县直各单位：为切实做好今冬明春安全生产工作，现将有关事项通知如下。一、压实安全生产责任。二、开展隐患排查整治。';
  it('a title of another page, a template default, a title in words the page never uses', () => {
    expect(titleUnrelated('关于公布2025年度行政许可事项清单的公告', article)).toBe(true);
    expect(titleUnrelated('无标题文档', article)).toBe(true);
    expect(titleUnrelated('Untitled Document', article)).toBe(true);
    expect(titleUnrelated('Apple harvesting season', 'Clementines will be ready to harvest from late October through February.')).toBe(true);
  });

  it('a title whose article, column or site part is on the page, word forms and case aside', () => {
    expect(titleUnrelated('关于做好2026年冬季安全生产工作的通知_通知公告_某某县人民政府', article)).toBe(false);
    // The site's name only in a logo picture: the article's part is enough.
    expect(titleUnrelated('冬季安全生产工作通知－某某县人民政府门户网站', article)).toBe(false);
    expect(titleUnrelated('Clementine harvesting season', 'Clementines will be ready to harvest from late October through February.')).toBe(false);
    expect(titleUnrelated('Opening hours', 'We are open Monday through Friday from 10 to 16, and on Saturday morning.')).toBe(false);
    expect(titleUnrelated('HARVEST | Clementines', 'Clementines will be ready to harvest from late October through February.')).toBe(false);
    expect(titleUnrelated('冬季安全生产工作通知-某某县人民政府', article)).toBe(false);
  });

  it('a one-word title, or a page with next to no text, is not judged', () => {
    expect(titleUnrelated('首页', article)).toBe(false);
    expect(titleUnrelated('Home', article)).toBe(false);
    expect(titleUnrelated('关于公布2025年度行政许可事项清单的公告', '加载中')).toBe(false);
    // Only the menus drawn: less text than twice the title's.
    expect(titleUnrelated('关于公布2025年度行政许可事项清单的公告', '首页 政务公开 政策文件 办事服务 互动交流')).toBe(false);
  });

  it('a title that is only a part of the main heading, the site or organisation it names', () => {
    expect(titlePartOfHeading('某某县人民政府', '某某县人民政府关于做好2026年冬季防火工作的通知')).toBe(true);
    expect(titlePartOfHeading('政策解读', '政策解读：《某某县农村公路养护办法》解读')).toBe(true);
    expect(titlePartOfHeading('Riverside City Council', 'Planning applications received this week by Riverside City Council')).toBe(true);
  });

  it("a title that is the heading, says the page's name with a count or a word more, or is one word, is left alone", () => {
    expect(titlePartOfHeading('关于做好2026年冬季防火工作的通知', '关于做好2026年冬季防火工作的通知')).toBe(false);
    expect(titlePartOfHeading('通知公告', '通知公告（共128条）')).toBe(false);
    expect(titlePartOfHeading('办事指南', '办事指南 更多')).toBe(false);
    expect(titlePartOfHeading('Contact', 'Contact the Riverside City Council')).toBe(false);
    expect(titlePartOfHeading('Opening hours', 'Opening hours (winter)')).toBe(false);
    // The heading names the organisation the title's page is of: the title is still the page's name.
    expect(titlePartOfHeading('政府信息公开指南', '某某市人民政府信息公开指南')).toBe(false);
    expect(titlePartOfHeading('Annual report', 'Annual report of the Riverside City Council')).toBe(false);
    // Not a part of it: another title altogether is titleUnrelated's to judge.
    expect(titlePartOfHeading('某某县人民政府', '关于做好2026年冬季防火工作的通知')).toBe(false);
  });
});

describe('documents of frames named alike that share next to nothing', () => {
  const guide =
    '首页 > 办事服务 > 办事指南\n居住证办理指南\n申请条件：在本市居住半年以上，有合法稳定就业、住所或连续就读。\n所需材料：居民身份证、居住登记凭证。';
  it('two documents with no words or character pairs in common', () => {
    expect(textsUnrelated(guide, '2026年第一季度财政预算执行情况表\n单位：万元 一般公共预算收入 税收收入')).toBe(true);
    expect(textsUnrelated('Root > Page One\nHome\nContact', 'Lorem ipsum dolor')).toBe(true);
  });

  it('documents that differ in their breadcrumb, menu or wording only', () => {
    // The same guide under another column: another breadcrumb, a sub-menu, the text reworded in part.
    const elsewhere =
      '首页 > 便民服务 > 常用指南\n办理流程 常见问题\n居住证办理指南\n申请条件：本市居住满半年，有合法稳定的就业或住所。\n需要材料：身份证、居住登记凭证。';
    expect(textsUnrelated(guide, elsewhere)).toBe(false);
    expect(textsUnrelated('Root > Page One\nHome\nContact', 'Home\nContact')).toBe(false);
    expect(textsUnrelated('This is my random advertising. Please, buy things!', 'This is another random advertising. Please buy more things!')).toBe(false);
  });

  it('a document of next to no text is not judged', () => {
    expect(textsUnrelated(guide, '')).toBe(false);
    expect(textsUnrelated(guide, '地图')).toBe(false);
  });
});
