import type { Random } from './random.js';
import type { ServiceGuide } from './types.js';
import { topic } from './vocabulary.js';

/** The 8 element classes of a 办事指南 (gov.cn 2015 inspection rules). */
export const guideElementClasses = ['事项名称', '设定依据', '申请条件', '办理材料', '办理地点', '办理时间', '联系电话', '办理流程'] as const;

export interface ServicesPlan {
  count: number;
  /** Classes missing from every guide. */
  missingEverywhere: string[];
  /** Classes missing from some guides only (each guide drops it with probability 0.4). */
  missingSometimes: string[];
  /** How many attachments answer 404. */
  brokenAttachments: number;
  /** Where the 在线办理 button points: a working page, a dead host, or nowhere. */
  online: 'ok' | 'dead' | 'none';
  onlineBase: string;
}

const serviceNames = ['证明开具', '资格认定', '备案', '补贴申领', '许可证核发', '登记', '年度检验', '信息变更'];

export function buildServices(plan: ServicesPlan, r: Random): ServiceGuide[] {
  const guides: ServiceGuide[] = [];
  let broken = plan.brokenAttachments;
  for (let id = 1; id <= plan.count; id++) {
    const elements = guideElementClasses.filter((c) => !plan.missingEverywhere.includes(c) && !(plan.missingSometimes.includes(c) && r.chance(0.4)));
    const attachments = [{ name: '申请表.docx', path: `/bsfw/attach/sqb_${id}.docx`, ok: true }];
    if (id % 2 === 0) attachments.push({ name: '材料清单.xls', path: `/bsfw/attach/clqd_${id}.xls`, ok: true });
    if (broken > 0) {
      attachments[0]!.ok = false;
      broken--;
    }
    guides.push({
      id,
      title: `${topic(r)}${r.pick(serviceNames)}`,
      path: `/bsfw/bszn/guide_${id}.html`,
      elements,
      attachments,
      onlineUrl: plan.online === 'none' ? null : `${plan.onlineBase}/zwfw/apply.html?item=${id}`,
    });
  }
  return guides;
}
