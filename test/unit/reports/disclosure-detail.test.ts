import { describe, expect, it } from 'vitest';

import { disclosureDetail } from '../../../reports/disclosure-detail.js';
import type { Site } from '../../../reports/html-parts.js';

describe('report: disclosure items with their 匹配依据', () => {
  it('shows the site label, its link and how it matched; missing items as 未找到', () => {
    const site = {
      observations: {
        disclosure: {
          found: true,
          present: 1,
          applicable: 2,
          items: [
            {
              id: 12,
              name: '突发公共事件应急预案、预警信息及应对',
              found: true,
              url: 'http://example.cn/l12.html',
              label: '突发公共事件',
              matchedBy: { term: '突发事件', how: 'inserted', score: 0.67, note: '含插入词匹配「突发事件」' },
            },
            { id: 9, name: '政府集中采购', found: false, url: null, label: null, matchedBy: null },
          ],
        },
      },
    } as unknown as Site;
    const out = String(disclosureDetail(site));
    expect(out).toContain('匹配依据');
    expect(out).toContain('<a href="http://example.cn/l12.html" rel="noopener noreferrer">突发公共事件</a>');
    expect(out).toContain('含插入词匹配「突发事件」');
    expect(out).toMatch(/<tr class="fail"><td>9<\/td><td>政府集中采购<\/td><td>未找到<\/td>/);
  });
});
