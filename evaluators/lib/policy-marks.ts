import { simplified } from './label-match.js';

/**
 * What policy documents and their interpretations show, read from a page's text and fields the way a person
 * reads them — the words, never a template's class names: a validity mark (有效性：有效, 【已废止】, 有效期至…)
 * in a metadata field or near the title, the links between a document and its 解读, and the titles of a
 * website's own annual report (政府网站工作年度报表, not the 政府信息公开工作年度报告).
 */

/** A validity mark as the page shows it: the field's label (or null for a bare mark) and the value. */
export interface ValidityMark {
  label: string | null;
  value: string;
  /** Where it was read: a label → value field (dt/dd, th/td, 标签：值), or the text near the title. */
  from: 'field' | 'near-title';
}

/** The words a validity mark says. 有效期 is a period (有效期至2028年12月31日, 有效期5年). */
const markValue = /现行有效|部分失效|已失效|已废止|已修订|已修改|全部失效|失效|废止|修订|修改|有效期[至到:：]?\s*\S{0,16}|有效/;
/** Labels of a validity field in metadata tables and info lines. */
const markLabel = /^(?:有效性|时效性|效力状态|效力|有效状态|文件状态|文件效力|时效|有效期)$/;
/** A bare mark set off by brackets beside the title: 【有效】, [现行有效], （已废止）. */
const bracketed = /[【[（(〔]\s*(现行有效|部分失效|已失效|已废止|已修订|已修改|全部失效|失效|废止|有效)\s*[】\]）)〕]/;
/** A labelled mark in a line of text: 有效性：有效, 时效性:现行有效, 有效期至2028年12月31日. */
const labelledInText =
  /(有效性|时效性|效力状态|文件状态|文件效力)\s*[：:]\s*(现行有效|部分失效|已失效|已废止|已修订|已修改|全部失效|失效|废止|有效)|(有效期(?:至|到|[：:])\s*[^\s，。；;]{2,16})/;

/** The characters before and after the title searched for a mark: the info lines and metadata tables around it, not the body. */
export const nearTitleChars = { before: 300, after: 160 };

/** The value of a field when it is a validity mark (有效性 → 有效), else null. */
export function fieldMark(label: string, value: string): ValidityMark | null {
  const l = simplified(label.replace(/[：:\s]/g, ''));
  if (!markLabel.test(l)) return null;
  const v = markValue.exec(simplified(value.trim()));
  return v ? { label: l, value: v[0].trim(), from: 'field' } : null;
}

/**
 * The validity mark of a policy page: a label → value field saying it, else a labelled or bracketed mark in the
 * text around the title (the body's own "有效期五年" far below does not count). Null when the page shows none.
 */
export function validityMark(page: {
  pairs: Array<{ label: string; value: string }>;
  mainText: string;
  title: string;
  headings: string[];
}): ValidityMark | null {
  for (const p of page.pairs) {
    const mark = fieldMark(p.label, p.value);
    if (mark) return mark;
  }
  const text = simplified(page.mainText);
  const title = simplified(page.headings[0] ?? page.title).trim();
  const at = title ? text.indexOf(title) : -1;
  const start = at >= 0 ? Math.max(0, at - nearTitleChars.before) : 0;
  const end = at >= 0 ? at + title.length + nearTitleChars.after : nearTitleChars.before;
  const near = text.slice(start, end);
  const labelled = labelledInText.exec(near);
  if (labelled) return labelled[3] ? { label: null, value: labelled[3], from: 'near-title' } : { label: labelled[1]!, value: labelled[2]!, from: 'near-title' };
  const bare = bracketed.exec(near);
  return bare ? { label: null, value: bare[1]!, from: 'near-title' } : null;
}

/** What a link between a document and its interpretation says it is. */
export type RelatedRole = 'interpretation' | 'original';

/** Label words before or on such a link: 相关解读, 政策解读, 图解 / 原文链接, 政策原文, 相关文件, 文件原文. */
const interpretationWords = /解读|图解|问答/;
const originalWords = /原文|相关文件|相关政策|政策文件|文件链接|关联文件|对应文件/;

/** The shortest link text taken for a document's or an interpretation's title. */
const minTitleChars = 8;

/**
 * Whether a link on a policy page leads to its interpretation or on an interpretation page to its original
 * document, by the link's text and the text of its row (a 相关解读： label before it). A document page links
 * to its 解读 by naming it (…解读, 图解…); a 解读 page links to its document under a 原文/相关文件 label or by
 * the document's title in 《》. Null for any other link.
 */
export function relatedRole(text: string, row: string, onPage: 'policy' | 'interpretation'): RelatedRole | null {
  const t = simplified(text).trim();
  const r = simplified(row);
  // A document is linked by its title: a short 政策解读 or 政策文件 is a menu's link to the column.
  if (t.length < minTitleChars) return null;
  if (onPage === 'policy') return interpretationWords.test(t) || interpretationWords.test(r) ? 'interpretation' : null;
  if (originalWords.test(t) || originalWords.test(r)) return 'original';
  return null;
}

/**
 * A website's own annual report (政府网站工作年度报表, 网站年度工作报表, 网站年报), told from the 政府信息公开工作
 * 年度报告 (any title naming 信息公开 is that report, not this one).
 */
const websiteReportTitle = /网站.{0,16}?(?:工作年度报表|年度工作报表|年度报表|工作报表|年度工作报告|工作年度报告|年度报告|年报)/;

export function isWebsiteReportTitle(text: string): boolean {
  const t = simplified(text).replace(/\s+/g, '');
  return websiteReportTitle.test(t) && !/信息公开/.test(t);
}

/** The year a report title names (江临市人民政府网站2025年度工作报表 → 2025), or null. */
export function reportTitleYear(text: string): number | null {
  const m = /((?:19|20)\d{2})\s*年/.exec(text);
  return m ? Number(m[1]) : null;
}

/** The words the website-report finder looks for, as reports quote them. */
export const websiteReportTerms = ['政府网站工作年度报表', '网站年度工作报表', '网站年度报表', '网站工作年度报告', '网站年报'];
