import { describe, expect, it } from 'vitest';

import { type CheckedLink, isBroken, type LinkResult } from '../../../evaluators/collect/link-check.js';
import type { GuideFacts, ServicesObservation } from '../../../evaluators/collect/services-pages.js';
import { evaluateServices } from '../../../evaluators/services.js';

const host = 'https://www.example.gov.cn';
const ALL = ['事项名称', '设定依据', '申请条件', '办理材料', '办理地点', '办理时间', '联系电话', '办理流程'];

function guide(id: string, labels: string[], text = ''): GuideFacts {
  return { url: `${host}/bs/${id}.html`, title: `${id}办事指南`, labels, text, attachments: [], online: [] };
}

function checked(url: string, kind: CheckedLink['kind'], result: LinkResult, foundOn: string[]): CheckedLink {
  return { url, finalUrl: url, status: result === 'ok' ? 200 : 404, result, broken: isBroken(result), permanent: false, ms: 5, foundOn, kind };
}

function services(guides: GuideFacts[], links: CheckedLink[] = []): ServicesObservation {
  return { entry: { text: '办事服务', href: `${host}/bs/` }, listUrl: `${host}/bs/list.html`, guidesListed: 12, guides, checked: links };
}

describe('evaluateServices', () => {
  it('takes a page naming 3 element classes as a guide, not one naming 2', () => {
    const m = evaluateServices(services([guide('two', ['事项名称', '设定依据']), guide('three', ['事项名称', '设定依据', '申请条件'])]));
    expect(m.guides.map((g) => g.title)).toEqual(['three办事指南']);
    expect(m.guides[0]!.missing).toEqual(['办理材料', '办理地点', '办理时间', '联系电话', '办理流程']);
    expect(m).toMatchObject({ found: true, url: `${host}/bs/`, guidesListed: 12 });
  });

  it('lists each class missing in any sampled guide once: guide A lacks 联系电话 and 办理流程, guide B lacks 办理流程 → 2 classes', () => {
    const a = guide('a', ALL.slice(0, 6));
    // Classes named at line starts count as well as label cells.
    const b = guide('b', ALL.slice(0, 4), '办理地点：市民中心\n办理时间：工作日\n咨询电话：12345');
    const m = evaluateServices(services([a, b]));
    expect(m.guides.map((g) => g.missing)).toEqual([['联系电话', '办理流程'], ['办理流程']]);
    expect(m.missingClasses).toEqual(['联系电话', '办理流程']);
    expect(m.counts).toEqual({ notFound: 0, missingClasses: 2, brokenAttachments: 0, unreachableOnline: 0 });
  });

  it('judges attachments and online links found on the guides only', () => {
    const g = guide('g', ALL);
    const elsewhere = `${host}/news/1.html`;
    const m = evaluateServices(
      services(
        [g],
        [
          checked(`${host}/files/form1.doc`, 'attachment', 'ok', [g.url]),
          checked(`${host}/files/form2.doc`, 'attachment', 'http-4xx', [g.url]),
          checked(`${host}/files/other.doc`, 'attachment', 'http-4xx', [elsewhere]),
          checked('https://zwfw.example.gov.cn/apply', 'link', 'timeout', [elsewhere, g.url]),
          checked('https://zwfw.example.gov.cn/ok', 'link', 'ok', [g.url]),
          checked(`${host}/img/1.png`, 'image', 'http-4xx', [g.url]),
        ],
      ),
    );
    expect([m.attachments, m.onlineLinks]).toEqual([2, 2]);
    expect(m.brokenAttachments).toEqual([{ url: `${host}/files/form2.doc`, foundOn: [g.url], result: 'http-4xx' }]);
    expect(m.unreachableOnline).toEqual([{ url: 'https://zwfw.example.gov.cn/apply', foundOn: [elsewhere, g.url], result: 'timeout' }]);
    expect(m.counts).toEqual({ notFound: 0, missingClasses: 0, brokenAttachments: 1, unreachableOnline: 1 });
  });

  it('does not judge links found on a page that is not a guide', () => {
    const notGuide = guide('menu', ['事项名称']);
    const m = evaluateServices(services([notGuide, guide('g', ALL)], [checked(`${host}/f.doc`, 'attachment', 'http-4xx', [notGuide.url])]));
    expect([m.attachments, m.counts.brokenAttachments]).toEqual([0, 0]);
  });

  it('without a real guide the elements, attachments and online links are not measured (null), not full marks', () => {
    const m = evaluateServices(services([guide('news', ['发布时间', '来源'])], [checked(`${host}/f.doc`, 'attachment', 'http-4xx', [`${host}/bs/news.html`])]));
    expect(m.found).toBe(false);
    expect(m.counts).toEqual({ notFound: 1, missingClasses: null, brokenAttachments: null, unreachableOnline: null });
  });

  it('without any services observation: not found, nothing listed', () => {
    const m = evaluateServices(null);
    expect(m).toMatchObject({ found: false, url: null, guidesListed: 0, guides: [], attachments: 0, onlineLinks: 0 });
    expect(m.counts).toEqual({ notFound: 1, missingClasses: null, brokenAttachments: null, unreachableOnline: null });
  });

  it('takes the guide threshold from the options', () => {
    const two = guide('two', ['事项名称', '设定依据']);
    expect(evaluateServices(services([two]), { minElementsForGuide: 2 }).found).toBe(true);
    expect(evaluateServices(services([two]), { minElementsForGuide: 3 }).found).toBe(false);
  });
});
