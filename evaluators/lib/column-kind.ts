/**
 * Column kinds of the national rules, recognised from a column's name (or its ColumnName meta) by
 * the words sites use. Order matters: 政策解读 is an interpretation column, not 政策文件.
 */
export type ColumnKind = 'news' | 'notice' | 'policy' | 'personnel' | 'planning' | 'other';

const rules: Array<[ColumnKind, RegExp]> = [
  ['other', /解读|问答|图解|访谈|专题|科普|视频|图片/],
  ['personnel', /人事|任免|任职|招聘|招考|招录|录用|干部/],
  ['planning', /规划|计划|工作要点|工作安排/],
  ['notice', /通知|公告|公示|通告/],
  ['policy', /政策|文件|法规|规章|规范性/],
  ['news', /要闻|动态|新闻|资讯|快讯|信息发布|工作信息|头条/],
];

export function columnKind(name: string): ColumnKind {
  for (const [kind, pattern] of rules) if (pattern.test(name)) return kind;
  return 'other';
}

/**
 * Columns measured by other indicators (年报 D7, mailboxes V6/D13–D15, services D10–D12) or that are not
 * information columns at all; the update-frequency rules do not count them (a problem is not deducted twice).
 */
export const notUpdateColumns = /年报|年度报告|信箱|留言|咨询|投诉|互动|办事|指南|网站地图|依申请|搜索|登录|联系我们|关于本站|信访|举报/;
