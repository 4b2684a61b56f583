import { describe, expect, it } from 'vitest';

import { type Candidate, guideBlocks } from '../../../../evaluators/collect/services-pages.js';

const link = (text: string, block: number | null): Candidate => ({ text, href: `http://x.gov.cn/${encodeURIComponent(text)}`, block });

describe('services: which blocks of a 办事服务 page list guides', () => {
  // A menu the layout left among the content (blocks 1–3), a guide list split over blocks 4–6, a footer-like block 7.
  const listed = [
    link('新闻中心', 1),
    link('政策法规', 1),
    link('工作动态', 2),
    link('通知公告', 2),
    link('就业信息', 3),
    link('劳动监察', 3),
    link('个体工商户设立登记', 4),
    link('医疗保障资格认定', 4),
    link('稳就业资格认定', 5),
    link('防汛防台补贴申领', 5),
    link('食品安全信息变更', 6),
    link('城市更新证明开具', 6),
    link('关于本站', 7),
    link('网站地图', 7),
  ];

  it('keeps the blocks where an opened link was a guide and the unopened blocks between them', () => {
    const probed = [listed[0]!, listed[2]!, listed[6]!, listed[10]!, listed[12]!];
    const guides = [listed[6]!, listed[10]!];
    expect(guideBlocks(listed, probed, guides).map((c) => c.text)).toEqual([
      '个体工商户设立登记',
      '医疗保障资格认定',
      '稳就业资格认定',
      '防汛防台补贴申领',
      '食品安全信息变更',
      '城市更新证明开具',
    ]);
  });

  it('drops a menu block not opened when it lies outside the guide list', () => {
    const probed = [listed[0]!, listed[6]!];
    const guides = [listed[6]!];
    // Block 3 sits before the guides and was not opened: it is not part of the list; block 1 was opened and is not a guide.
    expect(guideBlocks(listed, probed, guides).map((c) => c.block)).toEqual([4, 4]);
  });

  it('treats links outside any block as one block', () => {
    const loose = [link('首页导航', null), link('高标准农田建设证明开具', null), link('政务公开证明开具', null)];
    expect(guideBlocks(loose, [loose[1]!], [loose[1]!])).toHaveLength(3);
  });
});
