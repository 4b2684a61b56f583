import type { Random } from './random.js';
import type { ColumnKind } from './types.js';

/** Phrases that make list titles read like a Chinese government site's. Combined at random per item. */
const topics = [
  '城市更新',
  '营商环境优化',
  '安全生产大检查',
  '乡村振兴',
  '高标准农田建设',
  '基层治理',
  '数字政府建设',
  '生态环境保护',
  '义务教育招生',
  '医疗保障',
  '稳就业',
  '老旧小区改造',
  '防汛防台',
  '森林防火',
  '消防安全',
  '食品安全',
  '社会救助',
  '养老服务',
  '文明城市创建',
  '政务公开',
  '“一网通办”',
  '重点项目建设',
  '优化住房公积金服务',
  '中小企业纾困',
  '职业技能培训',
  '水污染防治',
  '垃圾分类',
  '冬季供暖保障',
];
const meetings = ['常务会议', '专题会议', '工作推进会', '座谈会', '动员部署会', '调度会'];
const actions = ['调研', '督导', '检查', '部署', '推进'];
const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡'];
const givenNames = ['建国', '海燕', '志强', '晓明', '丽华', '国庆', '文军', '春梅', '永红', '卫东', '雪松', '秀英'];

export function personName(r: Random): string {
  return r.pick(surnames) + r.pick(givenNames);
}

export function topic(r: Random): string {
  return r.pick(topics);
}

export function titleFor(kind: ColumnKind, r: Random, city: string, year: number): string {
  const t = topic(r);
  switch (kind) {
    case 'news':
      return r.pick([
        `${city}召开${t}${r.pick(meetings)}`,
        `${r.pick(surnames)}${r.pick(['市长', '副市长', '局长', '主任'])}${r.pick(actions)}${t}工作`,
        `我市${t}工作取得阶段性成效`,
        `${city}举办${t}专题培训班`,
        `${t}：${r.pick(['多措并举', '靶向发力', '提质增效', '守牢底线'])}见实效`,
      ]);
    case 'notice':
      return r.pick([`关于开展${t}专项行动的通知`, `关于${t}有关事项的公告`, `关于征求《${t}工作方案（征求意见稿）》意见的公告`, `关于${t}项目的公示`]);
    case 'policy':
      return r.pick([
        `${city}人民政府关于印发《${t}实施方案》的通知`,
        `${city}人民政府办公室关于进一步做好${t}工作的意见`,
        `关于印发《${city}${t}管理办法》的通知`,
      ]);
    case 'personnel':
      return r.pick([
        `${personName(r)}等同志任职前公示`,
        `关于${personName(r)}同志任免职的通知`,
        `${year}年度公开招聘事业单位工作人员拟聘用人员公示`,
        `公开选调公务员拟调人员名单公示`,
      ]);
    case 'planning':
      return r.pick([`${city}“十五五”${t}专项规划`, `${year}年${t}工作要点`, `${city}${t}三年行动计划（${year}—${year + 2}年）`]);
    case 'other':
      return r.pick([`${t}政策解读`, `图解：${t}`, `一图读懂${t}`, `${t}常见问题解答`]);
  }
}

export function paragraphs(r: Random, title: string, count: number): string[] {
  const openings = [
    `为深入贯彻落实党中央、国务院决策部署，切实做好${topic(r)}工作，现将有关事项通知如下。`,
    `近日，${title.replace(/[《》“”]/g, '')}。会议强调，要坚持问题导向，压实工作责任。`,
    `各有关单位要高度重视，加强组织领导，细化工作措施，确保各项任务落到实处。`,
    `如有疑问，请在工作日上班时间与经办处室联系。`,
    `下一步，将持续推进${topic(r)}，不断提升人民群众的获得感、幸福感、安全感。`,
  ];
  return Array.from({ length: count }, (_, i) => openings[(i + r.int(0, 4)) % openings.length]!);
}

export const departments = ['市发展改革委', '市教育局', '市人力社保局', '市住房城乡建设局', '市卫生健康委', '市市场监管局', '市交通运输局'];
