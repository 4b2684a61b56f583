import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type AssistModeObservation, checkAssistMode } from '../../../evaluators/collect/assist-modes.js';
import { launchBrowser } from '../../../evaluators/collect/browser.js';
import { collectSite } from '../../../evaluators/collect/crawl-site.js';
import { closeTab, newTab } from '../../../evaluators/collect/navigate.js';
import { defaultCollectOptions } from '../../../evaluators/collect/options.js';
import { evaluateIdentity } from '../../../evaluators/identity.js';
import { startAssistModeSites } from '../../fixtures/assist-modes/server.js';

/**
 * The 无障碍/长者模式 of three hand-written homepages (test/fixtures/assist-modes/server.ts), each item of the
 * 适老化 rules checked by pressing its control in headless Chromium. Expectations from how the pages were written.
 */
describe('适老化 items of a site’s assist mode, pressed and measured', () => {
  let sites: { url: string; close: () => Promise<void> };
  let browser: Browser;
  const modes = new Map<string, AssistModeObservation | null | undefined>();

  beforeAll(async () => {
    sites = await startAssistModeSites();
    browser = await launchBrowser();
    for (const site of ['good', 'weak', 'elder', 'spans', 'silent']) {
      const c = await collectSite(browser, `${sites.url}${site}/`, '2026-11-21', { ...defaultCollectOptions, maxLinks: 0, axe: 'off', lighthousePages: 0 });
      modes.set(site, c.features?.functions?.elderly.modes);
    }
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await sites?.close();
  });

  const statuses = (m: AssistModeObservation | null | undefined) =>
    m && { enlarge: m.enlarge.status, contrast: m.contrast.status, cursor: m.cursor.status, readAloud: m.readAloud.status, noPopups: m.noPopups.status };

  it('a toolbar whose controls all work: every item holds, read-aloud offered (a machine cannot hear it)', () => {
    const m = modes.get('good');
    expect(statuses(m)).toEqual({ enlarge: 'holds', contrast: 'holds', cursor: 'holds', readAloud: 'offered', noPopups: 'holds' });
    // 16 px + 4 px a press: 1.5 times after two presses (the first size at or above the target).
    expect(m!.enlarge.factor).toBeGreaterThanOrEqual(1.5);
    expect(m!.enlarge.factor).toBeLessThan(1.8);
  });

  it('a toolbar that enlarges only to 1.2 times, a dead 高对比度, no cursor or read-aloud, and a floating ad: each said', () => {
    const m = modes.get('weak');
    expect(statuses(m)).toEqual({ enlarge: 'fails', contrast: 'fails', cursor: 'absent', readAloud: 'absent', noPopups: 'fails' });
    // CSS zoom capped at 1.2: measured on the drawn characters, 1.2 give or take a pixel's rounding.
    expect(m!.enlarge.factor).toBeGreaterThan(1.1);
    expect(m!.enlarge.factor).toBeLessThan(1.3);
    expect(m!.noPopups.evidence).toContain('float-ad');
    // An absent control rests on not finding it: the evidence names the words looked for.
    expect(m!.cursor.evidence).toContain('查找“大鼠标/大光标/鼠标样式/光标”，未找到');
  });

  it('a 关怀版 of its own is opened and checked there: larger type but no controls, no pop-up', () => {
    expect(statuses(modes.get('elder'))).toEqual({ enlarge: 'absent', contrast: 'absent', cursor: 'absent', readAloud: 'absent', noPopups: 'holds' });
  });

  it('an entry and controls that are only spans with script listeners are found and pressed: each item measured', () => {
    expect(statuses(modes.get('spans'))).toEqual({ enlarge: 'holds', contrast: 'holds', cursor: 'holds', readAloud: 'absent', noPopups: 'holds' });
    expect(modes.get('spans')!.enlarge.control).toBe('放大');
  });

  it('an entry that brings up nothing (its toolbar script did not load) leaves every item not measured, with what happened', () => {
    const m = modes.get('silent')!;
    expect(statuses(m)).toEqual({
      enlarge: 'not-measured',
      contrast: 'not-measured',
      cursor: 'not-measured',
      readAloud: 'not-measured',
      noPopups: 'not-measured',
    });
    expect(m.enlarge.evidence).toBe('点击“无障碍浏览”后未出现工具条，也未找到放大、高对比度等控件（工具条可能来自未能加载的外部脚本）');
    expect(
      evaluateIdentity(null, { elderly: { entries: [{ text: '无障碍浏览', href: '' }], toolbar: false, modes: m } } as never, []).counts.assistItemsMissing,
    ).toBeNull();
  });

  it('counts the items missing or failing for the indicator sets: 0, 5 and 4', () => {
    const missing = (site: string) =>
      evaluateIdentity(null, { elderly: { entries: [{ text: '无障碍', href: '' }], toolbar: true, modes: modes.get(site) ?? null } } as never, []).counts
        .assistItemsMissing;
    expect(['good', 'weak', 'elder'].map(missing)).toEqual([0, 5, 4]);
  });
});

/** An icon drawn as inline SVG with its own style sheet, as vendor toolbars draw theirs: its text is that style sheet. */
const icon = '<svg width="20" height="20" viewBox="0 0 20 20"><style>.i{fill:#fff;stroke:#fff}</style><path class="i" d="M2 2h16v16H2z"/></svg>';

describe('a vendor toolbar whose controls are icons named by their title', () => {
  it('finds and presses 网页放大, 切换配色, 切换鼠标样式 and 声音, keyboard hints in the titles left out', async () => {
    const browser = await launchBrowser();
    const tab = await newTab(browser, defaultCollectOptions.userAgent);
    try {
      await tab.setContent(`<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title></head><body>
<div style="position:fixed;top:0;left:0;right:0;height:40px;background:#036">
<a href="javascript:void(0)" id="zoom" title="网页放大Shift+6">${icon}</a><a href="javascript:void(0)" id="colour" title="切换配色Shift+5">${icon}</a>
<a href="javascript:void(0)" id="mouse" title="切换鼠标样式Shift+8">${icon}</a><a href="javascript:void(0)" title="声音">${icon}</a></div>
<p style="margin-top:60px;font-size:16px">政府信息公开工作年度报告的正文，用来量出页面上文字的大小。</p>
<script>var size=16,p=document.querySelector('p');
document.getElementById('zoom').onclick=function(){size+=4;p.style.fontSize=size+'px'};
document.getElementById('colour').onclick=function(){document.body.style.filter='invert(1)'};
document.getElementById('mouse').onclick=function(){document.body.style.cursor='crosshair'};</script></body></html>`);
      const m = await checkAssistMode(tab);
      expect({ enlarge: m.enlarge.status, contrast: m.contrast.status, cursor: m.cursor.status, readAloud: m.readAloud.status }).toEqual({
        enlarge: 'holds',
        contrast: 'holds',
        cursor: 'holds',
        readAloud: 'offered',
      });
      expect([m.enlarge.control, m.contrast.control, m.cursor.control, m.readAloud.control]).toEqual(['网页放大', '切换配色', '切换鼠标样式', '声音']);
    } finally {
      await closeTab(tab);
      await browser.close();
    }
  });
});
