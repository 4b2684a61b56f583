import type { Browser, Page } from 'puppeteer';

import { matches, taxonomy } from '../lib/taxonomy.js';
import { type AssistModeObservation, checkAssistMode, findAssistEntry, pressAssistEntry, unmeasured } from './assist-modes.js';
import { failureLabel } from './failures.js';
import type { FeatureContext, LinkChoice } from './feature-links.js';
import { classifyError, closeTab, newTab, openUrl } from './navigate.js';
import type { PageShare } from './page-budget.js';
import { openFacts, type PageFacts, readFacts } from './page-facts.js';
import { retryOnce } from './retry-once.js';

/**
 * Functions of the site tried as a visitor would: the site search with the exact title of a recent
 * article, the 无障碍/长者模式 entry and whether clicking it brings up a toolbar, the homepage on a
 * 375 px phone screen, and the meta tags of an article page.
 */
export interface FunctionsObservation {
  search: { present: boolean; query: string | null; resultsUrl: string | null; status: number | null; found: boolean | null; error: string | null };
  /**
   * `modes`: what the mode's controls do when pressed (absent in runs stored before it was checked; null: no mode to check).
   * `error`: the homepage could not be opened again to look for an entry only a script makes (failures.ts): with no
   * linked entry, whether there is one is not known (absent in older runs and when it was opened).
   */
  elderly: { entries: LinkChoice[]; toolbar: boolean; modes?: AssistModeObservation | null; error?: string | null };
  /** `error`: the homepage could not be loaded at phone width, even on a second try (absent in older runs). */
  mobile: { viewportMeta: string | null; scrollWidth: number | null; width: number; error?: string | null };
  article: { url: string; metas: Record<string, string> } | null;
  https: boolean;
}

const phone = { width: 375, height: 812 };

/** The page budget of each function tried: each has a share of its own, as they run side by side. */
export interface FunctionShares {
  search: PageShare;
  elderly: PageShare;
  mobile: PageShare;
  article: PageShare;
}

/** The page loads each function needs: its first try, and what a second try (or the 长者版 page) adds. */
export function functionNeeds(
  homepage: PageFacts,
  recent: { title: string } | null,
  read: { url: string } | null,
): Record<keyof FunctionShares, { first: number; more: number }> {
  const search = homepage.search && recent ? searchLoads(homepage.search) : 0;
  const article = !read && recent ? 1 : 0;
  return {
    search: { first: search, more: search },
    elderly: { first: 1, more: 1 },
    mobile: { first: 1, more: 1 },
    article: { first: article, more: article },
  };
}

/** Page loads one try at the site search takes: the results page of a GET form, or the homepage and then the results of a box typed into. */
function searchLoads(form: NonNullable<PageFacts['search']>): number {
  return form.action && form.method === 'get' && form.name ? 1 : 2;
}

/** A page load the share has room for (counted), or, without a share, any. */
const mayOpen = (pages: PageShare | undefined, url: string) => !pages || pages.take(url);

/**
 * `read` is an article the crawl already read (its metas); only when there is none is the recent
 * article opened for them. `shares`: each function's page budget (absent, pages are not counted).
 */
export async function collectFunctions(
  browser: Browser,
  homepage: PageFacts,
  context: FeatureContext,
  recent: { title: string; url: string } | null,
  read: { url: string; metas: Record<string, string> } | null = null,
  shares?: FunctionShares,
): Promise<FunctionsObservation> {
  const [search, elderly, mobile, opened] = await Promise.all([
    trySearch(browser, homepage, context, recent?.title ?? null, shares?.search),
    elderlyMode(browser, homepage, context, shares?.elderly),
    mobileLayout(browser, homepage.url, context, shares?.mobile),
    !read && recent ? openFacts(recent.url, { ...context, pages: shares?.article }) : Promise.resolve(null),
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
function trySearch(
  browser: Browser,
  homepage: PageFacts,
  context: FeatureContext,
  title: string | null,
  pages: PageShare | undefined,
): Promise<FunctionsObservation['search']> {
  const loads = homepage.search ? searchLoads(homepage.search) : 0;
  return retryOnce(
    () => searchOnce(browser, homepage, context, title, pages),
    (r) => (r.found === null || r.status === null || r.status >= 500 ? r.error : null),
    // A second try only with room for all its loads: one cut short would say less than the first.
    { second: () => !pages || pages.room >= loads },
  );
}

async function searchOnce(
  browser: Browser,
  homepage: PageFacts,
  context: FeatureContext,
  title: string | null,
  pages: PageShare | undefined,
): Promise<FunctionsObservation['search']> {
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
  const refused = { ...result, error: 'page-budget' };
  const tab = await newTab(browser, context.userAgent);
  try {
    let opened;
    if (form.action && form.method === 'get' && form.name) {
      const url = new URL(form.action);
      url.searchParams.set(form.name, title);
      if (!mayOpen(pages, url.href)) return refused;
      opened = await openUrl(tab, url.href, context.timeoutMs);
    } else {
      if (!mayOpen(pages, homepage.url)) return refused;
      await openUrl(tab, homepage.url, context.timeoutMs);
      const inputs = await tab.$$('input[type=text], input[type=search], input:not([type])');
      const input = inputs[form.index];
      if (!input) return { ...result, error: 'search-box-gone' };
      await input.type(title);
      // Enter loads the results page: a page of its own.
      if (!mayOpen(pages, `${homepage.url}#search`)) return refused;
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
async function elderlyMode(
  browser: Browser,
  homepage: PageFacts,
  context: FeatureContext,
  pages: PageShare | undefined,
): Promise<FunctionsObservation['elderly']> {
  const terms = taxonomy().identity.elderly;
  const linked = homepage.anchors.filter((a) => a.text && matches(a.text, terms)).map((a) => ({ text: a.text, href: a.href ?? '' }));
  // Not opened again (the budget) or not loaded: an entry only a script makes cannot be looked for.
  const notLooked = (error: string) => ({
    entries: linked,
    toolbar: false,
    modes: linked.length ? unmeasured(`首页无法再次打开（${failureLabel(error)}）`) : null,
    error,
  });
  if (!mayOpen(pages, homepage.url)) return notLooked('page-budget');
  const tab = await newTab(browser, context.userAgent);
  try {
    const opened = await openUrl(tab, homepage.url, context.timeoutMs);
    if (opened.error) return notLooked(opened.error);
    const before = await toolbarCount(tab);
    const entry = await findAssistEntry(tab, terms);
    const entries = linked.length || !entry ? linked : [{ text: entry.name, href: entry.href }];
    if (!entry) return { entries, toolbar: false, modes: linked.length ? unmeasured('入口在页面上不可见，未能点击') : null };
    if (entry.href && !/^\s*(javascript:|#)/i.test(entry.href)) {
      // A 长者版/关怀版 of its own (a link to another page of the site): its controls and pop-ups are checked there.
      const page = new URL(entry.href, homepage.url).href;
      if (!mayOpen(pages, page)) return { entries, toolbar: false, modes: unmeasured(`长者版页面未打开（${failureLabel('page-budget')}）`) };
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
function mobileLayout(browser: Browser, url: string, context: FeatureContext, pages: PageShare | undefined): Promise<FunctionsObservation['mobile']> {
  return retryOnce(
    () => mobileLayoutOnce(browser, url, context, pages),
    (m) => m.error ?? null,
    { second: () => !pages || pages.room > 0 },
  );
}

async function mobileLayoutOnce(browser: Browser, url: string, context: FeatureContext, pages: PageShare | undefined): Promise<FunctionsObservation['mobile']> {
  const unmeasured = (error: string) => ({ viewportMeta: null, scrollWidth: null, width: phone.width, error });
  if (!mayOpen(pages, url)) return unmeasured('page-budget');
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
