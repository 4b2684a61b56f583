import { daysBefore, type IsoDate, yearOf } from './dates.js';
import type { Random } from './random.js';
import type { Disclosure } from './types.js';

/** Art. 12: what a 政府信息公开指南 must contain. */
export const guideElements = ['信息分类', '编排体系', '获取方式', '机构名称', '办公地址', '办公时间', '联系电话', '传真号码', '互联网联系方式'] as const;

/**
 * Art. 20 (1)–(15) and, for city/county governments, Art. 21's seven further items (16–22).
 * Each has the labels sites really use for it, so a matcher cannot rely on one keyword.
 */
export const art20Labels: Record<number, string[]> = {
  1: ['法规文件', '规范性文件', '政策法规'],
  2: ['机构职能', '机构概况', '机关简介'],
  3: ['规划计划', '发展规划', '规划信息'],
  4: ['统计信息', '统计数据'],
  5: ['行政许可', '权责清单', '行政审批'],
  6: ['行政处罚', '行政执法公示', '双随机一公开'],
  7: ['财政预决算', '财政资金', '部门预决算'],
  8: ['行政事业性收费', '收费目录清单'],
  9: ['政府采购', '集中采购'],
  10: ['重大建设项目', '重大项目'],
  11: ['民生信息', '社会保障', '就业创业'],
  12: ['应急管理', '突发事件应对'],
  13: ['监督检查', '环境保护', '食品药品监管'],
  14: ['公务员招考', '招录信息'],
  15: ['其他法定公开内容', '其他信息'],
  16: ['市政建设'],
  17: ['公共服务'],
  18: ['公益事业'],
  19: ['土地征收'],
  20: ['房屋征收'],
  21: ['治安管理'],
  22: ['社会救助'],
};

/** The six headings of the 2021 annual-report template. */
export const reportHeadings = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
] as const;

export const institutionElements = ['机构设置', '主要职责', '联系方式'] as const;
export const leaderElements = ['姓名', '照片', '简历', '分工'] as const;

export interface DisclosurePlan {
  level: 'government' | 'department';
  missingGuideElements: string[];
  missingArt20: number[];
  /** Last year's report: on time, late (after the deadline), or absent. */
  annualReport: 'on-time' | 'late' | 'absent';
  missingReportHeadings?: number;
  catalogueColumnId: string | null;
  missingInstitution: string[];
  missingLeader: string[];
  hasSystem: boolean;
}

/** The year whose report is due: last year once its deadline has passed, otherwise the year before. */
export function reportYear(asOf: IsoDate, level: 'government' | 'department'): number {
  const year = yearOf(asOf);
  return asOf > reportDeadline(year - 1, level) ? year - 1 : year - 2;
}

/** Art. 49–50: departments by 31 January, governments by 31 March of the following year. */
export function reportDeadline(year: number, level: 'government' | 'department'): IsoDate {
  return level === 'department' ? `${year + 1}-01-31` : `${year + 1}-03-31`;
}

export function buildDisclosure(plan: DisclosurePlan, r: Random, asOf: IsoDate): Disclosure {
  const maxItem = plan.level === 'government' ? 22 : 15;
  const art20Items = [];
  for (let id = 1; id <= maxItem; id++) {
    if (plan.missingArt20.includes(id)) continue;
    art20Items.push({ id, label: r.pick(art20Labels[id]!), path: `/xxgk/fdzdgknr/item${id}/index.html` });
  }
  const year = reportYear(asOf, plan.level);
  const reports = [];
  for (let y = year - 3; y <= year; y++) {
    const deadline = reportDeadline(y, plan.level);
    let publishedOn = daysBefore(deadline, r.int(3, 20));
    if (y === year) {
      if (plan.annualReport === 'absent') continue;
      if (plan.annualReport === 'late') {
        const late = daysBefore(deadline, -r.int(25, 80));
        publishedOn = late < asOf ? late : daysBefore(asOf, 1);
      }
    }
    const drop = y === year ? (plan.missingReportHeadings ?? 0) : 0;
    reports.push({
      year: y,
      publishedOn,
      path: `/xxgk/ndbg/${y}/report.html`,
      headings: reportHeadings.filter((_, i) => i < 1 || i >= 1 + drop),
    });
  }
  return {
    path: '/xxgk/index.html',
    guidePath: '/xxgk/xxgkzn/index.html',
    guideElements: guideElements.filter((e) => !plan.missingGuideElements.includes(e)),
    systemPath: plan.hasSystem ? '/xxgk/xxgkzd/index.html' : null,
    art20Items,
    catalogueColumnId: plan.catalogueColumnId,
    annualReports: reports.reverse(),
    institution: { path: '/xxgk/jgzn/index.html', elements: institutionElements.filter((e) => !plan.missingInstitution.includes(e)) },
    leaders: { path: '/xxgk/ldxx/index.html', elements: leaderElements.filter((e) => !plan.missingLeader.includes(e)) },
  };
}
