import { describe, expect, it } from 'vitest';

import { policyKindOf } from '../../../../evaluators/collect/policy-pages.js';
import { fieldMark, isWebsiteReportTitle, relatedRole, reportTitleYear, validityMark } from '../../../../evaluators/lib/policy-marks.js';

/** A page as page-facts.js reports it: its label → value fields, its main text, title and headings. */
const page = (o: { pairs?: Array<{ label: string; value: string }>; mainText: string; title?: string; headings?: string[] }) => ({
  pairs: o.pairs ?? [],
  mainText: o.mainText,
  title: o.title ?? '江临市人民政府关于印发《江临市住房公积金管理办法》的通知',
  headings: o.headings ?? ['江临市人民政府关于印发《江临市住房公积金管理办法》的通知'],
});
const title = '江临市人民政府关于印发《江临市住房公积金管理办法》的通知';
const body = '各县（市、区）人民政府，市政府各部门：现将《江临市住房公积金管理办法》印发给你们，请认真贯彻执行。'.repeat(4);

describe('validity marks on policy documents', () => {
  it('reads a mark from a metadata table, a dt/dd list or a 标签：值 line (the fields page-facts.js pairs)', () => {
    // <table><tr><th>有效性：</th><td>有效</td></tr></table>
    expect(
      validityMark(
        page({
          pairs: [
            { label: '索引号', value: '001-2026-0001' },
            { label: '有效性', value: '有效' },
          ],
          mainText: `${title}\n${body}`,
        }),
      ),
    ).toEqual({
      label: '有效性',
      value: '有效',
      from: 'field',
    });
    // <dl><dt>时效性</dt><dd>现行有效</dd></dl>
    expect(validityMark(page({ pairs: [{ label: '时效性', value: '现行有效' }], mainText: `${title}\n${body}` }))?.value).toBe('现行有效');
    // <p>效力状态：已废止（2026年3月1日）</p>, in traditional characters too
    expect(validityMark(page({ pairs: [{ label: '效力狀態', value: '已廢止（2026年3月1日）' }], mainText: body }))?.value).toBe('已废止');
    expect(fieldMark('有效期', '2026年1月1日至2028年12月31日')).toBeNull();
    expect(fieldMark('有效期', '有效期至2028年12月31日')?.value).toMatch(/^有效期至2028年12月31/);
  });

  it('reads a bracketed or labelled mark beside the title, not the body’s own 有效期 clause far below', () => {
    expect(validityMark(page({ mainText: `${title}【现行有效】\n发布日期：2026-11-03\n${body}` }))).toEqual({
      label: null,
      value: '现行有效',
      from: 'near-title',
    });
    expect(validityMark(page({ mainText: `发文字号：江政发〔2026〕5号 有效性：已修订\n${title}\n${body}` }))).toEqual({
      label: '有效性',
      value: '已修订',
      from: 'near-title',
    });
    expect(validityMark(page({ mainText: `${title}\n有效期至2028年12月31日\n${body}` }))).toEqual({
      label: null,
      value: '有效期至2028年12月31日',
      from: 'near-title',
    });
    // The body says how long the rules last, but nothing marks the document: no mark.
    expect(validityMark(page({ mainText: `${title}\n${body}${body}本办法自2026年12月1日起施行，有效期5年。` }))).toBeNull();
    // A 办理状态 field or 有效 inside another word is no validity mark.
    expect(validityMark(page({ pairs: [{ label: '办理状态', value: '有效' }], mainText: `${title}\n切实提高工作有效性。\n${body}` }))).toBeNull();
  });

  it('is none on a page without any mark', () => {
    expect(validityMark(page({ mainText: `${title}\n发布时间：2026-11-03 10:20 来源：市政府办公室\n${body}` }))).toBeNull();
  });
});

describe('links between a document and its interpretation', () => {
  it('takes a link named like a 解读 on a document page, and a 原文/相关文件 link on an interpretation page', () => {
    expect(relatedRole('《江临市住房公积金管理办法》政策解读', '', 'policy')).toBe('interpretation');
    expect(relatedRole('一图读懂住房公积金管理办法新变化', '相关解读：', 'policy')).toBe('interpretation');
    expect(relatedRole(title, '原文链接：', 'interpretation')).toBe('original');
    expect(relatedRole(title, '相关文件：', 'interpretation')).toBe('original');
    // A menu's short link to the columns is not a document; another article is not the original.
    expect(relatedRole('政策解读', '', 'policy')).toBeNull();
    expect(relatedRole('政策文件', '', 'interpretation')).toBeNull();
    expect(relatedRole('江临市召开住房公积金管理委员会全体会议', '', 'interpretation')).toBeNull();
  });
});

describe('titles of a website’s annual report', () => {
  it('knows the website’s report from the 政府信息公开工作年度报告', () => {
    for (const t of [
      '江临市人民政府网站2025年度工作报表',
      '政府网站工作年度报表（2025年度）',
      '江临市教育局网站2025年年报',
      '2025年度江临市卫健委网站工作年度报告',
    ])
      expect(isWebsiteReportTitle(t), t).toBe(true);
    for (const t of ['江临市人民政府2025年政府信息公开工作年度报告', '江临市教育局2025年度政府信息公开年报', '2025年度工作总结', '网站地图'])
      expect(isWebsiteReportTitle(t), t).toBe(false);
    expect(reportTitleYear('江临市人民政府网站2025年度工作报表')).toBe(2025);
    expect(reportTitleYear('政府网站工作年度报表')).toBeNull();
  });
});

describe('which articles are policy documents or interpretations', () => {
  it('goes by the column that lists them, and by a 解读 title only inside a policy column', () => {
    expect(policyKindOf('政策文件', '关于印发《住房公积金管理办法》的通知')).toBe('policy');
    expect(policyKindOf('规范性文件', '关于印发《住房公积金管理办法》的通知')).toBe('policy');
    expect(policyKindOf('政策解读', '住房公积金常见问题解答')).toBe('interpretation');
    expect(policyKindOf('政策文件', '《住房公积金管理办法》政策解读')).toBe('interpretation');
    expect(policyKindOf('工作动态', '市住建局举办住房公积金新政解读会')).toBeNull();
  });
});
