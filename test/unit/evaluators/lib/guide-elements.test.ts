import { describe, expect, it } from 'vitest';

import { GUIDE_MIN_CLASSES, guideElementClasses } from '../../../../evaluators/lib/guide-elements.js';

describe('guideElementClasses: the 办事指南 element classes a page names', () => {
  it('counts a class named by a label cell, under any of its synonyms', () => {
    expect(guideElementClasses(['项目名称', '法律依据', '受理条件', '申请材料'], '')).toEqual(['事项名称', '设定依据', '申请条件', '办理材料']);
  });

  it('counts a class named at the start of a line, numbered or not, but not one merely mentioned in a sentence', () => {
    const text = ['一、办理地点：市民中心二楼', '（二）受理时间: 工作日 9:00-17:00', '3. 咨询电话：0571-12345678', '请按照办理流程准备材料后前往窗口。'].join(
      '\n',
    );
    expect(guideElementClasses([], text)).toEqual(['办理地点', '办理时间', '联系电话']);
  });

  it('finds nothing on a page that names no element, and a guide takes at least three classes', () => {
    expect(guideElementClasses(['新闻动态', '通知公告'], '本站由市政府办公室主办。')).toEqual([]);
    expect(GUIDE_MIN_CLASSES).toBe(3);
  });
});
