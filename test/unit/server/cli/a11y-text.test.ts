import { describe, expect, it } from 'vitest';

import { type A11yFinding, textReport } from '../../../../server/cli/a11y.js';

const finding = (rule: string, wcag: string, suspected: boolean): A11yFinding => ({
  rule,
  wcag: [wcag],
  impact: null,
  selector: 'body > a',
  html: '<a>更多</a>',
  help: suspected ? `疑似：${rule}（待人工确认）` : rule,
  ...(suspected ? { suspected: true as const } : {}),
});

describe('govscore a11y: the terminal report counts suspected findings apart', () => {
  it('rules failing, then the suspected ones for a person to confirm', () => {
    const text = textReport([
      { url: 'https://x.gov.cn/', failingElements: 1, findings: [finding('keyboard-trap', '2.1.2', false), finding('link-name-generic', '2.4.4', true)] },
    ]);
    expect(text.split('\n')[1]).toBe('  1 条规则不通过，1 处元素；另有 1 项疑似问题，待人工确认');
    expect(text).toContain('疑似：link-name-generic（待人工确认）（link-name-generic）');
  });

  it('a page with suspected findings only has no failing rule', () => {
    const text = textReport([{ url: 'https://x.gov.cn/a.html', failingElements: 0, findings: [finding('character-shortcut', '2.1.4', true)] }]);
    expect(text.split('\n')[1]).toBe('  未发现确定的问题；另有 1 项疑似问题，待人工确认');
  });

  it('a clean page', () => {
    expect(textReport([{ url: 'https://x.gov.cn/b.html', failingElements: 0, findings: [] }]).split('\n')[1]).toBe('  未发现问题');
  });
});
