import { describe, expect, it } from 'vitest';

import { columnKind, notUpdateColumns } from '../../../../evaluators/lib/column-kind.js';

describe('columnKind', () => {
  it.each([
    ['政务要闻', 'news'],
    ['工作动态', 'news'],
    ['疾控动态', 'news'],
    ['新闻中心', 'news'],
    ['通知公告', 'notice'],
    ['公示', 'notice'],
    ['公示公告', 'notice'],
    ['政策文件', 'policy'],
    ['政策法规', 'policy'],
    ['规范性文件', 'policy'],
    ['政策解读', 'other'],
    ['人事任免', 'personnel'],
    ['人事信息', 'personnel'],
    ['规划计划', 'planning'],
    ['发展规划', 'planning'],
    ['统计信息', 'other'],
    ['机构职能', 'other'],
    ['', 'other'],
  ] as const)('%s → %s', (name, kind) => {
    expect(columnKind(name)).toBe(kind);
  });

  it('reads an interpretation column as other even when it names policy documents', () => {
    expect(columnKind('政策文件解读')).toBe('other');
  });
});

describe('notUpdateColumns', () => {
  it.each(['政府信息公开年报', '市长信箱', '办事服务', '办事指南', '网站地图'])('matches %s', (name) => {
    expect(notUpdateColumns.test(name)).toBe(true);
  });

  it.each(['政务要闻', '通知公告', '人事信息'])('does not match %s', (name) => {
    expect(notUpdateColumns.test(name)).toBe(false);
  });
});
