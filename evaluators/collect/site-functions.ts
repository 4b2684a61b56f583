import type { Browser, Page } from 'puppeteer';

import { matches, taxonomy } from '../lib/taxonomy.js';
import { type AssistModeObservation, checkAssistMode, findAssistEntry, pressAssistEntry, unmeasured } from './assist-modes.js';
import type { FeatureContext, LinkChoice } from './feature-links.js';
import { classifyError, closeTab, newTab, openUrl } from './navigate.js';
import { openFacts, type PageFacts, readFacts } from './page-facts.js';
import { retryOnce } from './retry-once.js';

/**
 * Functions of the site tried as a visitor would: the site search with the exact title of a recent
 * article, the 无障碍/长者模式 entry and whether clicking it brings up a toolbar, the homepage on a
 * 375 px phone screen, and the meta tags of an article page.
 */
export interface FunctionsObservation {
  search: { present: boolean; query: string | null; resultsUrl: string | null; status: number | null; found: boolean | null; error: string | null };
  /** `modes`: what the mode's controls do when pressed (absent in runs stored before it was checked; null: no mode to check). */
  elderly: { entries: LinkChoice[]; toolbar: boolean; modes?: AssistModeObservation | null };
  /** `error`: the homepage could not be loaded at phone width, even on a second try (absent in older runs). */
  mobile: { viewportMeta: string | null; scrollWidth: number | null; width: number; error?: string | null };
  article: { url: string; metas: Record<string, string> } | null;
  https: boolean;
}

const phone = { width: 375, height: 812 };

/**
 * `read` is an article the crawl already read (its metas); only when there is none is the recent
 * article opened for them.
 */
export async function collectFunctions(
  browser: Browser,
  homepage: PageFacts,
  context: FeatureContext,
  recent: { title: string; url: string } | null,
  read: { url: string; metas: Record<string, string> } | null = null,
): Promise<FunctionsObservation> {
  const [search, elderly, mobile, opened] = await Promise.all([
    trySearch(browser, homepage, context, recent?.title ?? null),
    elderlyMode(browser, homepage, context),
    mobileLayout(browser, homepage.url, context),
    !read && recent ? openFacts(recent.url, context) : Promise.resolve(null),
  ]);
  return {
    search,
    elderly,
    mobile,
    article: read ?? (opened?.facts ? { url: opened.finalUrl, metas: opened.facts.metas } : null),
    https: new URL(homepage.url).protocol === 'https:',
  };
}

/**
 * Submits the homepage's search box with the title (a GET form is followed as a URL; else typed and Enter),
 * once more in a fresh tab after a pause when the search could not be tried for a passing reason.
 */
function trySearch(browser: Browser, homepage: PageFacts, context: FeatureContext, title: string | null): Promise<FunctionsObservation['search']> {
  return retryOnce(
    () => searchOnce(browser, homepage, context, title),
    (r) => (r.found === null || r.status === null || r.status >= 500 ? r.error : null),
  );
}

async function searchOnce(browser: Browser, homepage: PageFacts, context: FeatureContext, title: string | null): Promise<FunctionsObservation['search']> {
  const form = homepage.search;
  const result = {
    present: !!form,
    query: title,
    resultsUrl: null as string | null,
    status: null as number | null,
    found: null as boolean | null,
    error: null as string | null,
  };
  if (!form || !title) return result;
  const tab = await newTab(browser, context.userAgent);
  try {
    let opened;
    if (form.action && form.method === 'get' && form.name) {
      const url = new URL(form.action);
      url.searchParams.set(form.name, title);
      opened = await openUrl(tab, url.href, context.timeoutMs);
    } else {
      await openUrl(tab, homepage.url, context.timeoutMs);
      const inputs = await tab.$$('input[type=text], input[type=search], input:not([type])');
      const input = inputs[form.index];
      if (!input) return { ...result, error: 'search-box-gone' };
      await input.type(title);
      const navigated = tab.waitForNavigation({ waitUntil: 'domcontentloaded', timeout: context.timeoutMs }).catch(() => null);
      await input.press('Enter');
      const response = await navigated;
      await tab.waitForNetworkIdle({ idleTime: 150, timeout: 4000 }).catch(() => undefined);
      opened = { status: response?.status() ?? null, finalUrl: tab.url(), error: null };
    }
    result.resultsUrl = opened.finalUrl;
    result.status = opened.status;
    // The search answering with an error is broken (what is measured here is that answer: after a retry, an
    // error still is what a visitor gets); not answering in time, or a page we could not read, says nothing
    // about it: not measured, never a deduction.
    if ((opened.status ?? 0) >= 400) return { ...result, found: false, error: `http-${opened.status}` };
    if (opened.error) return { ...result, error: opened.error };
    const facts = await readFacts(tab, context.readTimeoutMs);
    if (!facts) return { ...result, error: 'script-timeout' };
    result.found = facts.anchors.some((a) => a.zone === 'main' && a.text.includes(title));
    return result;
  } catch (error) {
    return { ...result, error: String(error).slice(0, 120) };
  } finally {
    await closeTab(tab);
  }
}

/**
 * The 无障碍/长者模式 entries, and what the mode offers. The homepage is opened and its entry looked for
 * among links, buttons and the spans or icons only a script makes clickable (those are in no list of links):
 * a script entry is pressed and its toolbar checked; a 长者版 of its own is opened and checked there.
 */
async function elderlyMode(browser: Browser, homepage: PageFacts, context: FeatureContext): Promise<FunctionsObservation['elderly']> {
  const terms = taxonomy().identity.elderly;
  const linked = homepage.anchors.filter((a) => a.text && matches(a.text, terms)).map((a) => ({ text: a.text, href: a.href ?? '' }));
  const tab = await newTab(browser, context.userAgent);
  try {
    const opened = await openUrl(tab, homepage.url, context.timeoutMs);
    if (opened.error) return { entries: linked, toolbar: false, modes: linked.length ? unmeasured(`首页无法再次打开（${opened.error}）`) : null };
    const before = await toolbarCount(tab);
    const entry = await findAssistEntry(tab, terms);
    const entries = linked.length || !entry ? linked : [{ text: entry.name, href: entry.href }];
    if (!entry) return { entries, toolbar: false, modes: linked.length ? unmeasured('入口在页面上不可见，未能点击') : null };
    if (entry.href && !/^\s*(javascript:|#)/i.test(entry.href)) {
      // A 长者版/关怀版 of its own (a link to another page of the site): its controls and pop-ups are checked there.
      const page = new URL(entry.href, homepage.url).href;
      const elsewhere = await openUrl(tab, page, context.timeoutMs);
      return { entries, toolbar: false, modes: elsewhere.error ? unmeasured(`长者版页面无法打开（${elsewhere.error}）`) : await checkAssistMode(tab) };
    }
    await pressAssistEntry(tab);
    await tab.waitForNetworkIdle({ idleTime: 200, timeout: 4000 }).catch(() => undefined);
    const toolbar = (await toolbarCount(tab)) > before;
    const modes = await checkAssistMode(tab);
    // Pressed, and neither a toolbar nor any control came up: the mode did not open here (its script may come from
    // a host that did not answer). What it offers is unknown, not absent.
    const controlsFound = [modes.enlarge, modes.contrast, modes.cursor, modes.readAloud].some((i) => i.status !== 'absent');
    if (!toolbar && !controlsFound)
      return { entries, toolbar, modes: unmeasured(`点击“${entry.name}”后未出现工具条，也未找到放大、高对比度等控件（工具条可能来自未能加载的外部脚本）`) };
    return { entries, toolbar, modes };
  } catch {
    return { entries: linked, toolbar: false, modes: linked.length ? unmeasured('检测时页面出错') : null };
  } finally {
    await closeTab(tab);
  }
}

/** Visible toolbar-like elements: a role=toolbar, or an id/class naming an assistive bar. */
function toolbarCount(tab: Page): Promise<number> {
  return tab.evaluate(
    () =>
      [...document.querySelectorAll('[role=toolbar], [id], [class]')].filter((e) => {
        const name = `${e.id} ${e.getAttribute('class') ?? ''} ${e.getAttribute('role') ?? ''}`;
        const box = (e as HTMLElement).getBoundingClientRect();
        return /toolbar|assist|wza|barrier|accessib|elder|zhangzhe|guanhuai|aged/i.test(name) && box.width > 0 && box.height > 0;
      }).length,
  );
}

/**
 * The homepage at 375 px: how wide the page is (wider than the screen means horizontal scrolling). A load
 * or read that fails is tried once more after a pause; still failing, `error` says why (not measured).
 */
function mobileLayout(browser: Browser, url: string, context: FeatureContext): Promise<FunctionsObservation['mobile']> {
  return retryOnce(
    () => mobileLayoutOnce(browser, url, context),
    (m) => m.error ?? null,
  );
}

async function mobileLayoutOnce(browser: Browser, url: string, context: FeatureContext): Promise<FunctionsObservation['mobile']> {
  const unmeasured = (error: string) => ({ viewportMeta: null, scrollWidth: null, width: phone.width, error });
  const tab = await newTab(browser, context.userAgent);
  try {
    await tab.setViewport({ ...phone, isMobile: true, hasTouch: true, deviceScaleFactor: 1 });
    const opened = await openUrl(tab, url, context.timeoutMs);
    if (opened.error) return unmeasured(opened.error);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), context.readTimeoutMs)));
    const measured = await Promise.race([
      tab.evaluate(() => ({
        meta: document.querySelector('meta[name=viewport]')?.getAttribute('content') ?? null,
        scrollWidth: document.documentElement.scrollWidth,
      })),
      late,
    ]).finally(() => clearTimeout(timer));
    if (!measured) return unmeasured('script-timeout');
    return { viewportMeta: measured.meta, scrollWidth: measured.scrollWidth, width: phone.width, error: null };
  } catch (error) {
    return unmeasured(classifyError(error));
  } finally {
    await closeTab(tab);
  }
}
