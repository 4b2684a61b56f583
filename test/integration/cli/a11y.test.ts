import { writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { A11yPageReport } from '../../../server/cli/a11y.js';
import { startScriptNavSite } from '../../fixtures/script-nav/server.js';
import { runCli, tempDir } from '../cli-helpers.js';

/**
 * `govscore a11y` on the hand-written script-navigation site: its pages have images without text
 * alternatives (nav pictures on every page) and a form whose inputs have no label (survey), which axe reports,
 * and barriers only the browser checks see (a mouse-only menu cell, a fixed-width table, placeholder-only input).
 */
describe('govscore a11y: re-testing given pages without a crawl', () => {
  let site: { url: string; close: () => Promise<void> };
  let dir: string;

  beforeAll(async () => {
    site = await startScriptNavSite();
    dir = await tempDir('a11y');
  });
  afterAll(async () => {
    await site?.close();
  });

  it('--json: a report per page in the order given, findings with rule, WCAG, impact and selector; a missing page with its reason, exit 1', async () => {
    const run = await runCli(['a11y', `${site.url}survey.html`, `${site.url}news.html`, `${site.url}gone.html`, '--json']);
    expect(run.code, run.stderr).toBe(1);
    const pages = JSON.parse(run.stdout) as A11yPageReport[];
    expect(pages.map((p) => p.url)).toEqual([`${site.url}survey.html`, `${site.url}news.html`, `${site.url}gone.html`]);
    const [survey, news, gone] = pages;
    // Every page's navigation: five pictures without alt.
    for (const page of [survey!, news!]) expect(page.findings.filter((f) => f.rule === 'image-alt').length).toBeGreaterThan(0);
    expect(news!.findings.find((f) => f.rule === 'image-alt')).toMatchObject({ wcag: ['1.1.1'], impact: 'critical', selector: expect.stringContaining('img') });
    // The survey's text input and radios have no label (only a placeholder and loose text).
    expect(survey!.findings.map((f) => f.rule)).toContain('label');
    expect(news!.findings.map((f) => f.rule)).not.toContain('label');
    // What axe cannot see, from the browser checks: the radio group without fieldset, the placeholder as the only
    // label, the menu cell opened only by a click, the 760-pixel table at 320 px, and no way to skip the menu.
    expect(survey!.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['group-without-name', 'placeholder-only', 'mouse-only', 'reflow', 'bypass']));
    expect(survey!.findings.find((f) => f.rule === 'placeholder-only')).toMatchObject({ wcag: ['3.3.2', '1.3.1'], selector: expect.stringContaining('input') });
    expect(news!.findings.map((f) => f.rule)).not.toContain('placeholder-only');
    expect(gone).toMatchObject({ error: 'http-404', findings: [] });
  });

  it('reads --urls FILE (comments and blank lines skipped) and prints the findings in Chinese by success criterion, exit 0', async () => {
    const list = join(dir, 'pages.txt');
    await writeFile(list, `# 整改后复测\n${site.url}tickets.html\n\n${site.url}contact.html\n`);
    const run = await runCli(['a11y', '--urls', list]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`${site.url}tickets.html`);
    expect(run.stdout).toContain(`${site.url}contact.html`);
    expect(run.stdout).toContain('WCAG 1.1.1 非文本内容');
    expect(run.stdout).toMatch(/\d+ 条规则不通过，\d+ 处元素/);
  });

  it('a page that goes on by itself to an address that does not answer is not audited: Chromium’s error page is no page of the site', async () => {
    // A port nothing listens on: taken, then given back.
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const moving: Server = createServer((_, response) => {
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.end(
        `<!doctype html><html lang="zh-CN"><head><title>正在跳转</title><meta http-equiv="refresh" content="0;url=http://127.0.0.1:${deadPort}/new/"></head><body><p>本站已迁移</p></body></html>`,
      );
    });
    await new Promise<void>((r) => moving.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(moving.address() as AddressInfo).port}/old.html`;
      const json = await runCli(['a11y', url, '--json']);
      expect(json.code, json.stderr).toBe(1);
      expect(JSON.parse(json.stdout)).toEqual([{ url, error: 'refused', finalUrl: `http://127.0.0.1:${deadPort}/new/`, failingElements: 0, findings: [] }]);
      const text = await runCli(['a11y', url]);
      expect(text.stdout).toContain(`未能检测：跳转到 http://127.0.0.1:${deadPort}/new/ 后，连接被拒绝（refused）`);
    } finally {
      await new Promise((r) => moving.close(r));
    }
  });

  it('refuses an address that is not http(s), naming the file and line, exit 2', async () => {
    const list = join(dir, 'bad.txt');
    await writeFile(list, `${site.url}index.html\nftp://example.gov.cn/\n`);
    const run = await runCli(['a11y', '--urls', list]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(`${list}:2: "ftp://example.gov.cn/" is not an http(s) address`);
  });
});
