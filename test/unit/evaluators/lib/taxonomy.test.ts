import { describe, expect, it } from 'vitest';

import { bigramDice, describeMatch, matchTerm } from '../../../../evaluators/lib/label-match.js';
import { keyMatches, match, matches, taxonomy, type Terms } from '../../../../evaluators/lib/taxonomy.js';

/**
 * Taxonomy matching on labels as real portals write them (column names, table headers, link texts seen on
 * government sites), not as our sample portals do. Each case names the table it is matched against: a
 * key list (statutory items, guide elements) or a term list (a section's words).
 */
const t = taxonomy();
type Table = Record<string, Terms>;
const tables: Record<string, Table | Terms> = {
  items: t.disclosure.statutoryItems,
  parts: t.disclosure.parts,
  elements: t.services.elements,
  fields: t.mailbox.fields,
  channels: t.mailbox.channels,
  notConsultation: t.mailbox.notConsultation,
  disclosureSection: t.disclosure.section,
  servicesSection: t.services.section,
  guideList: t.services.guideList,
  publishedDate: ['发布日期', '发布时间'],
  elderly: t.identity.elderly,
};

/** [label, table, expected key (or true for a term list), how it should match]. */
const shouldMatch: Array<[string, string, string | true, string]> = [
  ['突发公共事件', 'items', '12', 'inserted'],
  ['突发公共事件应急预案', 'items', '12', 'exact'],
  ['突發事件應對', 'items', '12', 'traditional'],
  ['预警信息发布', 'items', '12', 'exact'],
  ['部门预算决算', 'items', '7', 'exact'],
  ['财政预决算', 'items', '7', 'exact'],
  ['部门预决算公开', 'items', '7', 'exact'],
  ['財政預決算', 'items', '7', 'traditional'],
  ['公共卫生', 'items', '13', 'exact'],
  ['重大建设项目批准和实施', 'items', '10', 'exact'],
  ['政府集中采购', 'items', '9', 'exact'],
  ['行政事业性收费', 'items', '8', 'exact'],
  ['公务员招考录用', 'items', '14', 'exact'],
  ['规划 计划', 'items', '3', 'exact'],
  ['年报（政府信息公开）', 'parts', 'annualReports', 'reordered'],
  ['政府信息公開年報', 'parts', 'annualReports', 'traditional'],
  ['政府信息公开工作年度报告', 'parts', 'annualReports', 'exact'],
  ['信息公开 指南', 'parts', 'guide', 'exact'],
  ['政务公开指南', 'parts', 'guide', 'exact'],
  ['联系（咨询）电话', 'elements', '联系电话', 'exact'],
  ['办理业务地点', 'elements', '办理地点', 'inserted'],
  ['政府信息公开专栏年报', 'parts', 'annualReports', 'inserted'],
  ['申请材料目录', 'elements', '办理材料', 'exact'],
  ['受理条件', 'elements', '申请条件', 'exact'],
  ['法定依据', 'elements', '设定依据', 'exact'],
  ['办理 地点', 'elements', '办理地点', 'exact'],
  ['辦理流程', 'elements', '办理流程', 'traditional'],
  ['办理窗口地点', 'elements', '办理地点', 'exact'],
  ['來信日期', 'fields', 'received', 'traditional'],
  ['答复时间', 'fields', 'replied', 'exact'],
  ['處理狀態', 'fields', 'status', 'traditional'],
  ['領導信箱', 'channels', true, 'traditional'],
  ['市长热线', 'channels', true, 'exact'],
  ['12345热线', 'channels', true, 'exact'],
  ['在线留言', 'channels', true, 'exact'],
  ['政务公开', 'disclosureSection', true, 'exact'],
  ['政府信息公開', 'disclosureSection', true, 'traditional'],
  ['网上办事大厅', 'servicesSection', true, 'exact'],
  ['辦事服務', 'servicesSection', true, 'traditional'],
  ['服务指南', 'guideList', true, 'exact'],
  ['网上信访', 'notConsultation', true, 'exact'],
  // 适老化 entries as saved government homepages label them (the 无障碍 control often a script-only span).
  ['长者助手', 'elderly', true, 'exact'],
  ['长者专区', 'elderly', true, 'exact'],
  ['长者专版', 'elderly', true, 'exact'],
  ['适老版', 'elderly', true, 'exact'],
];

/** [label, table, key that must not match (or true: no term of the list)]. */
const mustNotMatch: Array<[string, string, string | true]> = [
  ['网上信访', 'channels', true],
  ['纪检监察举报', 'channels', true],
  ['12388举报', 'channels', true],
  ['成文日期', 'publishedDate', true],
  ['成文日期', 'fields', 'received'],
  ['回复时间', 'fields', 'received'],
  ['来信时间', 'fields', 'replied'],
  ['办理时限', 'elements', '办理时间'],
  ['承诺时限', 'elements', '办理时间'],
  ['收费标准', 'elements', '办理材料'],
  ['政府网站工作年度报表', 'parts', 'annualReports'],
  ['年度工作总结', 'parts', 'annualReports'],
  ['政务服务', 'disclosureSection', true],
  ['办事服务', 'guideList', true],
  ['政策解读', 'items', '1'],
  ['机构改革动态', 'items', '2'],
  ['应急广播', 'items', '12'],
  ['公共卫生', 'items', '17'],
  ['房屋租赁', 'items', '20'],
  ['人事任免', 'items', '14'],
  ['行政许可', 'items', '6'],
  ['领导讲话', 'parts', 'leaders'],
  ['依申请公开', 'parts', 'statutory'],
  ['新闻发布会', 'publishedDate', true],
  ['政府信息公开', 'parts', 'guide'],
  ['政府信息公开', 'parts', 'annualReports'],
  ['信息公开', 'parts', 'catalogue'],
  ['县教育局关于做好2026年秋季学期开学工作的通知', 'items', '11'],
  ['学前教育资助政策解读及申请办理流程说明', 'items', '11'],
  ['长者饭堂开张', 'elderly', true],
];

function found(label: string, table: string, key: string | true, asLink = false): { hit: boolean; how: string | null } {
  const subject = tables[table]!;
  if (key === true) {
    const m = match(label, subject as Terms, { label: asLink });
    return { hit: !!m, how: m?.how ?? null };
  }
  const m = keyMatches(label, subject as Table, { label: asLink }).find((k) => k.key === key)?.match;
  return { hit: !!m, how: m?.how ?? null };
}

describe('taxonomy matching on real-world labels', () => {
  it.each(shouldMatch)('%s matches %s/%s (%s)', (label, table, key, how) => {
    expect(found(label, table, key)).toEqual({ hit: true, how });
  });

  it.each(mustNotMatch)('%s does not match %s/%s', (label, table, key) => {
    expect(found(label, table, key, true).hit).toBe(false);
  });

  it('precision and recall over the cases', () => {
    const tp = shouldMatch.filter(([l, tb, k]) => found(l, tb, k).hit).length;
    const fp = mustNotMatch.filter(([l, tb, k]) => found(l, tb, k, true).hit).length;
    const recall = tp / shouldMatch.length;
    const precision = tp / (tp + fp);
    console.log(`taxonomy matching: ${shouldMatch.length + mustNotMatch.length} cases, recall ${recall.toFixed(3)}, precision ${precision.toFixed(3)}`);
    expect(shouldMatch.length + mustNotMatch.length).toBeGreaterThanOrEqual(40);
    expect([recall, precision]).toEqual([1, 1]);
  });
});

describe('what a match records', () => {
  it('names the label, the term, how and a score', () => {
    expect(match('突发公共事件', t.disclosure.statutoryItems['12']!)).toEqual({ label: '突发公共事件', term: '突发事件', how: 'inserted', score: 0.67 });
    expect(describeMatch(matchTerm('突发公共事件', '突发事件')!)).toBe('含插入词匹配「突发事件」');
    expect(describeMatch(matchTerm('財政預決算', '财政预决算')!)).toBe('繁体转换后匹配「财政预决算」');
  });

  it('prefers an exact term over a tolerant one, and the longer exact term', () => {
    expect(match('突发事件应急预案', t.disclosure.statutoryItems['12']!)).toMatchObject({ how: 'exact', term: '突发事件' });
    expect(match('政府信息公开年报', t.disclosure.parts.annualReports)).toMatchObject({ how: 'exact', term: '政府信息公开年报' });
  });

  it('reads long texts (paragraphs, titles) by the exact term only; short terms name a label, not a title', () => {
    expect(matches('本机关办公地址位于青山县人民路1号，办公时间为工作日上午', t.disclosure.guideElements['办公地址']!)).toBe(true);
    expect(matchTerm('关于突发公共卫生事件应急处置工作开展情况的通报说明', '突发事件')).toBeNull();
    expect(matchTerm('教育信息', '教育')).not.toBeNull();
    expect(matchTerm('青山县教育局关于秋季开学的通知', '教育', { label: true })).toBeNull();
    expect(matchTerm('青山县教育局关于2026年秋季学期开学安排的通知全文', '教育')).not.toBeNull();
  });

  it('regular-expression terms apply to traditional text too', () => {
    expect(matchTerm('聯繫郵箱：zwgk@qs.gov.cn', 're:[\\w.-]+@[\\w-]+(\\.[\\w-]+)+')?.how).toBe('exact');
    expect(matchTerm('市長熱線12345', 're:(?<!\\d)12345(?!\\d)')?.how).toBe('exact');
  });

  it('bigram Dice', () => {
    expect(bigramDice('突发事件', '突发事件')).toBe(1);
    expect(bigramDice('成文日期', '发布日期')).toBeCloseTo(1 / 3, 5);
  });
});
