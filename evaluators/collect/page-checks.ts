import { readFileSync } from 'node:fs';

import type { CDPSession, KeyInput, Page } from 'puppeteer';

import { documentSource, duplicateAttributes } from './duplicate-attributes.js';
import { frameNameIssues } from './frame-names.js';
import { characterShortcut, judgedIssues } from './judged-content.js';
import { listenedItems } from './listened.js';
import { checkMotion } from './motion.js';
import { motionOnlyIssue } from './motion-only.js';
import { type FallingBackObject, unnamedObjects } from './object-fallback.js';
import { keptSession } from './tab-session.js';
import { textOverGradients } from './text-contrast.js';
import { pageZoom, textZoom } from './text-zoom.js';

const checksScript = ['page-checks.js', 'table-headers.js', 'text-spacing.js', 'device-motion.js', 'judged-content.js', 'svg-text.js', 'text-contrast.js']
  .map((file) => readFileSync(new URL(`./in-page/${file}`, import.meta.url), 'utf8'))
  .join(';\n');

/**
 * The accessibility checks axe-core does not make, run in the browser on the pages axe scans
 * (issue 19, item 2). Each is tied to its WCAG 2.x success criterion; `advisory` ones (AAA) are recorded
 * but are not failures of the A/AA level the rules ask for.
 */
export const pageChecks = {
  'keyboard-trap': { wcag: ['2.1.2'], level: 'A', zh: '键盘陷阱：焦点被困在某个组件中，无法用Tab键离开' },
  'mouse-only': { wcag: ['2.1.1'], level: 'A', zh: '只能用鼠标操作的控件（有点击事件但无法获得键盘焦点）' },
  'focus-not-visible': { wcag: ['2.4.7'], level: 'AA', zh: '获得键盘焦点时没有可见的焦点指示（轮廓被去除且无其他样式变化）' },
  'hidden-content-focused': {
    wcag: ['4.1.2'],
    level: 'A',
    zh: '用 aria-hidden="true" 对读屏软件隐藏的内容中，有元素能用 Tab 键获得焦点且焦点停留在其上（如失效的弹窗焦点哨兵），读屏软件用户不知道焦点在哪里',
  },
  reflow: { wcag: ['1.4.10'], level: 'AA', zh: '320像素宽度下页面需要横向滚动或内容被截断（固定宽度布局）' },
  // Whole-page zoom (technique G142) at half the viewport's width, laid out with the page's own media queries.
  'page-zoom': {
    wcag: ['1.4.4'],
    level: 'AA',
    zh: '整页放大到200%（相当于视口宽度减半，页面按窄屏样式排版）时，文字被固定高度或宽度、隐藏溢出内容的容器截断',
  },
  // Advisory: the check zooms text alone (a browser's "zoom text only"), while 1.4.4 is also met by the whole
  // page's zoom (technique G142), under which a fixed-height list row still shows its text.
  'text-zoom': {
    wcag: ['1.4.4'],
    level: 'AA',
    advisory: true,
    zh: '仅放大文字到200%时文字被固定高度或宽度的容器截断（建议项：浏览器整页缩放时可能不受影响）',
  },
  bypass: { wcag: ['2.4.1'], level: 'A', zh: '没有跳过导航的链接、主内容区域（main）或标题，无法跳过重复区块' },
  'page-title': { wcag: ['2.4.2'], level: 'A', zh: '网页标题缺失、只有网站名称，或不同类型的页面使用同一标题' },
  'object-without-name': {
    wcag: ['1.1.1'],
    level: 'A',
    zh: '嵌入图片、音频或视频的 object 元素没有 aria-label、aria-labelledby 或 title 提供的名称；其中的替代内容（如 img 的 alt）只在资源无法加载时显示，资源正常加载时读屏软件读不到',
  },
  'page-language': { wcag: ['3.1.1'], level: 'A', zh: '网页声明的语言（html 的 lang）与正文语言不符，如中文页面写 lang="en"' },
  'group-without-name': { wcag: ['1.3.1', '3.3.2'], level: 'A', zh: '单选/复选按钮组没有 fieldset/legend 或带名称的分组' },
  'placeholder-only': { wcag: ['3.3.2', '1.3.1'], level: 'A', zh: '输入框只用占位文字（placeholder）作标签' },
  'change-on-focus': { wcag: ['3.2.1'], level: 'A', zh: '控件获得焦点时即跳转或提交（改变上下文）' },
  'change-on-input': { wcag: ['3.2.2'], level: 'A', zh: '选择或输入时即跳转或提交（改变上下文），未事先说明' },
  'new-window': { wcag: ['3.2.5'], level: 'AAA', advisory: true, zh: '在新窗口打开链接而未提示（建议项）' },
  'moving-content': { wcag: ['2.2.2'], level: 'A', zh: '自动移动、滚动、轮换或更新的内容（轮播图、滚动公告、飘窗等）没有暂停、停止或隐藏的控件' },
  'audio-autoplay': { wcag: ['1.4.2'], level: 'A', zh: '自动播放超过3秒的声音，没有暂停、停止、静音或调节音量的控件' },
  'frame-out-of-tab-order': { wcag: ['2.1.1'], level: 'A', zh: '框架（iframe）设为 tabindex="-1" 移出了键盘顺序，其中的链接、按钮等无法用Tab键到达' },
  'line-height-locked': {
    wcag: ['1.4.12'],
    level: 'AA',
    zh: 'style 属性用 !important 把多行文字的行高固定在字号的1.5倍以下，用户无法通过自定义样式调大行距',
  },
  'motion-actuation': { wcag: ['2.5.4'], level: 'A', zh: '倾斜、摇动设备会改变页面内容（体感操作），页面上没有关闭体感操作的控件' },
  'motion-only': {
    wcag: ['2.5.4'],
    level: 'A',
    zh: '倾斜、摇动设备会改变页面内容（体感操作），页面上却没有可以完成同样操作的按钮、输入框等控件，只能靠体感操作',
  },
  'header-without-cells': {
    wcag: ['1.3.1'],
    level: 'A',
    zh: '表格的表头单元格（th、columnheader 或 rowheader）所在的列或行没有对应的单元格，表头与数据的关系无法被读屏软件读出',
  },
  // 4.1.1 Parsing: WCAG 2.2 made it obsolete, but GB/T 37668-2019 follows WCAG 2.0, where it is a level A criterion.
  'repeated-id': {
    wcag: ['4.1.1'],
    level: 'A',
    zh: '同一页面中多个元素使用相同的 id，按 id 关联的标签、说明可能指向错误的元素（WCAG 2.0 的 4.1.1 解析；WCAG 2.2 已将其列为过时，GB/T 37668-2019 依据 WCAG 2.0 仍适用）',
  },
  'duplicate-attribute': {
    wcag: ['4.1.1'],
    level: 'A',
    zh: '元素的开始标签重复写了同一属性，浏览器只取第一个（WCAG 2.0 的 4.1.1 解析；WCAG 2.2 已将其列为过时，GB/T 37668-2019 依据 WCAG 2.0 仍适用）',
  },
  // What a person judges, reported only as suspected where the markup makes a failure likely (judged-content.ts,
  // frame-names.ts, in-page/svg-text.js).
  'image-name-unhelpful': { wcag: ['1.1.1'], level: 'A', zh: '图片的替代文字是文件名、编号或“图片”“image”等泛称，没有说明图片内容' },
  'image-of-text': {
    wcag: ['1.4.5'],
    level: 'AA',
    zh: '图片（img）显示的是 SVG 图像中的文字（文字图像），文字无法单独放大、改变样式或选中，可改用网页文字',
  },
  'hidden-image-with-alt': { wcag: ['1.1.1'], level: 'A', zh: '写有替代文字的图片被 aria-hidden 对读屏软件隐藏，可能不是装饰性图片' },
  'link-name-generic': { wcag: ['2.4.4'], level: 'A', zh: '链接文字只有“更多”“点击这里”“详情”等，所在段落、列表项或栏目标题也没有说明链接目的' },
  'identical-links-differ': { wcag: ['2.4.4'], level: 'A', zh: '同一段落或列表项中文字相同的链接指向不同的记录（同一地址、参数不同），无法从链接文字区分' },
  'identical-frames-differ': {
    wcag: ['4.1.2'],
    level: 'A',
    zh: '几个框架（iframe）的名称（title 等）相同，显示的却是内容无关的不同网页，读屏软件用户无法按名称区分',
  },
  'video-without-captions': { wcag: ['1.2.2'], level: 'A', zh: '视频没有字幕轨道（track）、文字稿链接或旁边的文字说明' },
  'audio-without-transcript': { wcag: ['1.2.1'], level: 'A', zh: '音频没有文字稿链接或旁边的文字说明' },
  'video-description-track-only': {
    wcag: ['1.2.1', '1.2.3'],
    level: 'A',
    zh: '视频画面只用描述轨道（track kind="descriptions"）说明，浏览器和读屏软件一般不会朗读它，旁边也没有文字稿或文字说明',
  },
  'label-not-distinct': {
    wcag: ['2.4.6'],
    level: 'AA',
    zh: '同一表单中几个输入框的标签文字相同（如两个“姓名”），附近没有可见的分组名称或标题区分它们，无法知道各自该填什么',
  },
  'label-name-generic': {
    wcag: ['2.4.6'],
    level: 'AA',
    zh: '输入框的可见标签只有“菜单”“提交”“确定”“输入”等界面或操作用语，没有说明该填写什么内容',
  },
  'title-unrelated': {
    wcag: ['2.4.2'],
    level: 'A',
    zh: '网页标题可能没有说明本页内容：与页面正文几乎没有相同的字词（如模板默认标题、从其他页面复制未改的标题），或只是页面主标题的一部分（如内容页只用网站或单位名称作标题）',
  },
  'element-language': {
    wcag: ['3.1.2'],
    level: 'AA',
    zh: '页面中某部分文字用 lang 标注的语言与其文字不符，如中文段落标为 lang="en"，读屏软件会用错误的语音朗读',
  },
  'character-shortcut': { wcag: ['2.1.4'], level: 'A', zh: '单个字符键（字母、数字、标点）即可触发的快捷键，页面上没有关闭或改用组合键的设置' },
  // axe-core leaves text over a gradient for review; read from a screenshot of its background (text-contrast.ts).
  'text-contrast-background': {
    wcag: ['1.4.3'],
    level: 'AA',
    zh: '渐变背景上的文字与背景对比度不足（正文低于4.5:1，大号文字低于3:1），按去掉文字后的背景截图逐字计算',
  },
} as const satisfies Record<string, { wcag: readonly string[]; level: 'A' | 'AA' | 'AAA'; advisory?: true; zh: string }>;

export type PageCheckId = keyof typeof pageChecks;

/** An element a check points at: a selector that finds it again and the start of its markup. */
export interface PageCheckElement {
  selector: string;
  html: string;
}

/** One check that failed on one page: how many elements, the first few of them, and what was measured. */
export interface PageCheckIssue {
  check: PageCheckId;
  count: number;
  examples: PageCheckElement[];
  detail?: string;
  /** Read from the markup, the behaviour itself not seen (autoplay held back by the browser, a change seen once): a reviewer confirms. */
  suspected?: true;
}

/** The parts of the pass: what the markup shows, what moves or plays by itself, Tab through the page, the page at 320 CSS px, its text at 200 %. */
export type PageCheckArea = 'markup' | 'motion' | 'keyboard' | 'reflow' | 'zoom';

/** What the checks saw on one page: compact enough to store per page (StoredObservations.pageChecks). */
export interface PageCheckResult {
  url: string;
  /** The page's place in the site: the title check compares pages of different kinds. */
  role: 'homepage' | 'page' | 'article';
  ms: number;
  /** The document title (trimmed), or null when the markup was not read. */
  title: string | null;
  /** What a keyboard user could jump past the repeated blocks with (null: not read). */
  bypass: { skipLink: boolean; main: boolean; headings: number } | null;
  /** The Tab walk: presses made, elements reached, how it ended, the first elements in focus order. */
  keyboard: {
    presses: number;
    stops: number;
    ended: 'end' | 'cap' | 'trap' | 'escaped' | 'time';
    order: string[];
    /** keys: Tab pressed; focus: each element of the focus order focused in the page, where no key or focus listener could move it elsewhere (absent: stored before). */
    walk?: 'keys' | 'focus';
  } | null;
  /** Sideways width of the document at 320 CSS px (null: not measured). */
  reflowWidth: number | null;
  /**
   * Boxes that clip text and fitted it at 100 %, read again at 200 % text, and whether the page was laid out at half
   * the viewport's width too (whole-page zoom: only where its styles change with width; absent: stored before).
   * null: not measured; absent from results stored before the check.
   */
  textZoom?: { boxes: number; pageZoomed?: boolean } | null;
  /**
   * Text over gradients read from the pixels (text-contrast.ts): elements with text over a gradient, over a background
   * image (not read: the crawl fetches no images), read, screenshots taken, ms. null: not read; absent: stored before.
   */
  contrast?: { gradients: number; pictures: number; read: number; shots: number; ms: number } | null;
  /**
   * The motion area's watch: how long the page was watched (ms), what was seen moving or updating by itself and
   * the audio or video set to play, passing or not. null: not watched; absent: stored before the area existed.
   */
  motion?: { watchedMs: number; movers: number; media: number } | null;
  issues: PageCheckIssue[];
  /** Parts that could not run (timeout, page closed, script error): not checked, neither passed nor failed. */
  notChecked: Array<{ area: PageCheckArea; reason: string }>;
}

export interface PageCheckOptions {
  role: PageCheckResult['role'];
  /** The whole pass but the motion area's watch; parts not done by then are recorded as not checked. */
  timeoutMs?: number;
  /** The motion area at most: mostly waiting for things to move (evaluators/collect/motion.ts); added to timeoutMs. */
  motionMs?: number;
  /** Tab presses at most: bounds the keyboard walk on pages with hundreds of links. */
  maxTabs?: number;
  reflowWidth?: number;
  /** Opens the page again should the checks have navigated away from it (a handler on focus that leaves). */
  restore?: (url: string) => Promise<unknown>;
  /** Called as each part of the pass starts, and with 'end' when it is over: the bench's per-part profile (npm run bench). */
  mark?: (part: PageCheckPart | 'end') => void;
}

/** The parts of the pass in the order they run, as the bench's profile names them (PageCheckOptions.mark). */
export const pageCheckParts = ['setup', 'markup', 'listeners', 'source', 'judged', 'contrast', 'motion', 'keyboard', 'shortcut', 'reflow', 'zoom'] as const;
export type PageCheckPart = (typeof pageCheckParts)[number];

export const pageCheckAreas: readonly PageCheckArea[] = ['markup', 'motion', 'keyboard', 'reflow', 'zoom'];
const areas = pageCheckAreas;
const orderKept = 30;
/** Reads of the markup made apart, each on its own: one that a page's scripts break reports nothing, and the others stand. */
const aloneReads = ['tableHeaders', 'lockedLineHeight', 'deviceMotion', 'svgTextImages'];
/** How long a person takes between presses, waited once before a loop is called a trap (a hover delay is 100–300 ms). */
const trapPatienceMs = 500;
/** Pauses after which focus still did not move on, at most: each costs trapPatienceMs of the pass's time. */
const maxWaits = 3;
/** Presses without reaching a new element before the walk asks whether focus is going round in circles. */
const clickTypes = new Set(['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'dblclick']);

/** The record of a page the checks could not run on at all. */
export function uncheckedPage(url: string, role: PageCheckResult['role'], ms: number, reason: string): PageCheckResult {
  return { ...nothingChecked(url, role), ms, notChecked: areas.map((area) => ({ area, reason })) };
}

/** A result with no area read yet: what runPageChecks fills in, and what a page not checked keeps. */
function nothingChecked(url: string, role: PageCheckResult['role']): PageCheckResult {
  return {
    url,
    role,
    ms: 0,
    title: null,
    bypass: null,
    keyboard: null,
    reflowWidth: null,
    textZoom: null,
    contrast: null,
    motion: null,
    issues: [],
    notChecked: [],
  };
}

interface MarkupRead {
  title: string;
  bypass: NonNullable<PageCheckResult['bypass']>;
  issues: PageCheckIssue[];
  candidates: PageCheckElement[];
  objects: FallingBackObject[];
}

/**
 * Runs the checks on the page as it is now and leaves it as it was: viewport restored, focus taken away,
 * text at its size again (inline styles as they were), scrolled to the top. Never throws; a part that fails or runs out of time is recorded as not checked.
 */
export async function runPageChecks(page: Page, options: PageCheckOptions): Promise<PageCheckResult> {
  const started = performance.now();
  const timeoutMs = options.timeoutMs ?? 10_000;
  const startUrl = page.url();
  let focusLeaves = false;
  const result = nothingChecked(startUrl, options.role);
  const done = new Set<PageCheckArea>();
  const failed = (area: PageCheckArea, e: unknown) => {
    if (!done.has(area)) result.notChecked.push({ area, reason: reasonOf(e) });
    done.add(area);
  };
  const session = () => keptSession(page);
  const mark = options.mark ?? (() => undefined);
  let focusEmulated = false;
  let expired = false;
  let timer: NodeJS.Timeout | undefined;
  // The deadline moves while the motion area watches: its waiting does not eat the other areas' time.
  let endAt = started + timeoutMs;
  let expire: () => void = () => undefined;
  const deadline = new Promise<void>((resolve) => (expire = () => ((expired = true), resolve())));
  const arm = () => {
    clearTimeout(timer);
    if (!expired) timer = setTimeout(expire, Math.max(0, endAt - performance.now()));
  };
  arm();
  const run = async () => {
    mark('setup');
    try {
      await page.evaluate(checksScript);
      // A tab in the background is not focused: without this, Tab moves no focus and :focus styles never apply.
      // On the tab's own protocol session (a session of our own costs the browser more than the call), undone at the end.
      await page.emulateFocusedPage(true);
      focusEmulated = true;
    } catch (e) {
      for (const area of areas) failed(area, e);
      return;
    }
    try {
      mark('markup');
      // The markup, then the reads that stand on their own, in one round trip: a page's scripts that break one of
      // those reads leave the others (and the markup) standing.
      const { read, alone, moved } = (await page.evaluate(`(function () {
        var checks = window.__govscorePageChecks;
        var read = checks.markup();
        var alone = ${JSON.stringify(aloneReads)}.map(function (name) {
          try { return checks[name]() || null; } catch (e) { return null; }
        });
        return { read: read, alone: alone, moved: !!checks.motionChanged };
      })()`)) as { read: MarkupRead; alone: Array<PageCheckIssue | null>; moved: boolean };
      mark('listeners');
      // Pointer-cursor candidates with a click-like listener of their own. Handlers delegated to an ancestor
      // (`document.addEventListener('click', …)` with a selector inside) are not seen: those controls are not reported.
      const listened = read.candidates.length ? await listenedItems(await session(), 'window.__govscorePageChecks.candidates', clickTypes) : new Set<number>();
      const mouseOnly = read.candidates.filter((_, i) => listened.has(i));
      const issues = read.issues.filter((i) => i.check !== 'mouse-only');
      const attributed = read.issues.find((i) => i.check === 'mouse-only');
      const count = (attributed?.count ?? 0) + mouseOnly.length;
      if (count) issues.push({ check: 'mouse-only', count, examples: [...(attributed?.examples ?? []), ...mouseOnly].slice(0, 3) });
      focusLeaves = issues.some((i) => i.check === 'change-on-focus');
      for (const found of alone) if (found) issues.push(found);
      // Motion changed the page: is there a control that could do the same (2.5.4)?
      const motionOnly = moved ? await motionOnlyIssue(page, await session()).catch(() => null) : null;
      if (motionOnly) issues.push(motionOnly);
      const objects = read.objects.length ? await unnamedObjects(read.objects).catch(() => null) : null;
      if (objects) issues.push(objects);
      mark('source');
      const repeated = await documentSource(page).then((source) => (source ? duplicateAttributes(source) : null));
      if (repeated) issues.push(repeated);
      mark('judged');
      issues.push(...(await judgedIssues(page, options.role).catch(() => [])));
      issues.push(...(await frameNameIssues(page).catch(() => [])));
      mark('contrast');
      const { issue: contrastIssue, ...contrast } = (await textOverGradients(page, session).catch(() => null)) ?? { issue: null };
      if (contrastIssue) issues.push(contrastIssue);
      if (!expired) {
        Object.assign(result, { title: read.title, bypass: read.bypass, contrast: 'shots' in contrast ? contrast : null });
        result.issues.push(...issues);
        done.add('markup');
      }
    } catch (e) {
      failed('markup', e);
    }
    if (expired) return;
    // What moves or plays by itself: before the Tab walk focuses anything, stills animations and narrows the viewport.
    mark('motion');
    const motionMs = options.motionMs ?? 9000;
    const motionStarted = performance.now();
    endAt += motionMs;
    arm();
    try {
      const motion = await checkMotion(page, { focus: !focusLeaves, expired: () => expired || performance.now() - motionStarted > motionMs });
      if (!expired) {
        result.motion = motion.seen;
        result.issues.push(...motion.issues);
        done.add('motion');
      }
    } catch (e) {
      failed('motion', e);
    } finally {
      endAt -= Math.max(0, motionMs - (performance.now() - motionStarted));
      arm();
    }
    if (expired) return;
    try {
      // Tabbing onto a field that leaves the page on focus would take the tab elsewhere: not walked.
      if (focusLeaves) throw new Error('focus-changes-context');
      mark('keyboard');
      const walk = await tabThrough(page, session, options.maxTabs ?? 80, () => expired);
      // After the walk: a shortcut the probe sets off may change the page.
      mark('shortcut');
      const shortcut = expired ? null : await characterShortcut(page, session, walk.keysHeard).catch(() => null);
      if (!expired) {
        result.keyboard = walk.keyboard;
        result.issues.push(...walk.issues);
        if (shortcut) result.issues.push(shortcut);
        done.add('keyboard');
      }
    } catch (e) {
      failed('keyboard', e);
    }
    if (expired) return;
    const viewport = page.viewport();
    mark('reflow');
    try {
      const width = options.reflowWidth ?? 320;
      await page.setViewport({ ...(viewport ?? { width: 1280, height: 900 }), width });
      const reflow = (await page.evaluate(`window.__govscorePageChecks.reflow(${width})`)) as { scrollWidth: number; issue: PageCheckIssue | null };
      if (!expired) {
        result.reflowWidth = reflow.scrollWidth;
        if (reflow.issue) result.issues.push(reflow.issue);
        done.add('reflow');
      }
    } catch (e) {
      failed('reflow', e);
    } finally {
      if (viewport) await page.setViewport(viewport).catch(() => undefined);
      await page.evaluate('window.scrollTo(0, 0)').catch(() => undefined);
    }
    if (expired) return;
    mark('zoom');
    try {
      const zoom = await textZoom(page);
      const paged = expired ? null : await pageZoom(page);
      if (!expired && paged) {
        result.textZoom = { boxes: zoom.boxes, pageZoomed: paged.laidOut };
        if (zoom.issue) result.issues.push(zoom.issue);
        if (paged.issue) result.issues.push(paged.issue);
        done.add('zoom');
      }
    } catch (e) {
      failed('zoom', e);
    }
  };
  try {
    await Promise.race([run(), deadline]);
  } finally {
    clearTimeout(timer);
    for (const area of areas) if (!done.has(area)) failed(area, new Error('timeout'));
    if (focusEmulated) void page.emulateFocusedPage(false).catch(() => undefined);
    mark('end');
  }
  // Something the checks did took the tab to another page: what was read after it is not this page's.
  if (!expired && page.url() !== startUrl) {
    for (const area of ['keyboard', 'reflow', 'zoom'] as const) {
      result.notChecked = result.notChecked.filter((n) => n.area !== area);
      result.notChecked.push({ area, reason: 'navigated' });
    }
    result.keyboard = null;
    result.reflowWidth = null;
    result.textZoom = null;
    result.issues = result.issues.filter(
      (i) => !['keyboard-trap', 'focus-not-visible', 'hidden-content-focused', 'character-shortcut', 'reflow', 'text-zoom', 'page-zoom'].includes(i.check),
    );
    await options.restore?.(startUrl).catch(() => undefined);
  }
  result.ms = Math.round(performance.now() - started);
  result.notChecked.sort((a, b) => areas.indexOf(a.area) - areas.indexOf(b.area));
  return result;
}

function reasonOf(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  if (/^focus-changes-context$/.test(message)) return message;
  if (/timeout/i.test(message)) return 'timeout';
  if (/context was destroyed|navigation/i.test(message)) return 'navigated';
  if (/closed|detached|Target/i.test(message)) return 'page-closed';
  return message.slice(0, 80);
}

type Step = [index: number, fresh: 0 | 1, frame: 0 | 1, visited: number];

/**
 * Tab presses sent together before the focus is read: every round trip to the page costs the browser a
 * wake-up, and reading after each press made the walk cost as much as axe itself (npm run bench). The first
 * batch is as many presses as the markup shows tab stops, and one more to see the order end (kbStart):
 * presses past the end send focus round the page again, scrolled and drawn for nothing (a quarter of the
 * presses on the bench's pages, when every batch was 20).
 */
const pressesPerBatch = 20;

/** How the Tab walk ended, with the presses counted and the loop focus could not leave (a trap). */
interface Walk {
  ended: NonNullable<PageCheckResult['keyboard']>['ended'];
  presses: number;
  visited: number;
  trap: number[] | null;
}

/**
 * Presses Tab through the page, recording the focus order. Stops at the end of the order (focus leaves
 * the document or comes back to the first element with nothing reachable after the last one), at the
 * cap, or when focus goes round a few elements while more lie after them: then, once, a person's pause
 * and Tab again (a menu that opens a moment after focus), then Escape (a modal dialog's way out) and Tab
 * once more, then any key combination the page's text advises (2.1.2 allows a documented way out); if
 * focus still does not get out, it is a keyboard trap.
 */
async function tabThrough(
  page: Page,
  session: () => Promise<CDPSession>,
  maxTabs: number,
  expired: () => boolean,
): Promise<{ keyboard: NonNullable<PageCheckResult['keyboard']>; issues: PageCheckIssue[]; keysHeard: boolean | null }> {
  const { walk: byFocus, keysHeard } = await walkByFocus(page, session, maxTabs);
  if (byFocus) {
    const { issues, ...keyboard } = byFocus;
    return { keyboard: { ...keyboard, walk: 'focus' }, issues, keysHeard };
  }
  const start = (await page.evaluate('window.__govscorePageChecks.kbStart()')) as { batch: boolean; stops: number };
  let walk = await walkFocus(page, maxTabs, expired, start.batch, start.stops + 1);
  if (!walk) {
    // The page kept some presses of a batch from the recorder: walked again, each press read on its own.
    await page.evaluate('window.__govscorePageChecks.kbStart()');
    walk = (await walkFocus(page, maxTabs, expired, false)) as Walk;
  }
  const { ended, presses, visited, trap } = walk;
  const issues: PageCheckIssue[] = [];
  if (trap) {
    const examples = (await page.evaluate(`window.__govscorePageChecks.describeVisited(${JSON.stringify(trap.slice(0, 3))})`)) as PageCheckElement[];
    issues.push({ check: 'keyboard-trap', count: trap.length, examples, detail: `按 Tab 键 ${presses} 次后，焦点在 ${trap.length} 个元素之间循环` });
  }
  const finish = await focusSeen(page);
  issues.push(...finish.issues);
  return { keyboard: { presses, stops: visited, ended, order: finish.order, walk: 'keys' }, issues, keysHeard };
}

/** After a walk: the focus order kept, the elements whose look focus did not change (2.4.7), and those focus stayed on inside aria-hidden content (4.1.2). */
async function focusSeen(page: Page): Promise<{ order: string[]; issues: PageCheckIssue[] }> {
  const finish = (await page.evaluate(`window.__govscorePageChecks.kbFinish(${orderKept})`)) as {
    order: string[];
    checked: number;
    issue: PageCheckIssue | null;
    hidden: PageCheckIssue | null;
  };
  const issues: PageCheckIssue[] = [];
  if (finish.issue) issues.push({ ...finish.issue, detail: `${finish.checked} 个获得焦点的元素中有 ${finish.issue.count} 个获得焦点前后外观相同` });
  if (finish.hidden) issues.push({ ...finish.hidden, detail: `按 Tab 键时焦点停在 ${finish.hidden.count} 个 aria-hidden="true" 内容中的元素上，没有移到别处` });
  return { order: finish.order, issues };
}

/** Listeners that could take a Tab press or a focus move somewhere the focus order does not say. */
const keyEventTypes = new Set(['keydown', 'keyup', 'keypress']);
const blurEventTypes = new Set(['blur', 'focusout']);
const focusEventTypes = new Set(['focus', 'focusin']);

/**
 * The Tab walk made by focusing each element of the focus order in the page (kbByFocus), where no press could
 * go anywhere else: no key listener on the page (a trap or a widget's own Tab handling answers the key itself),
 * no blur or focusout listener (one may send focus back), no focus or focusin listener on the window, the
 * document, the html or body element (each would see every move: kbByFocus declines); an element's own focus listener is waited on
 * after it is focused. Some 30 Tab presses cost the browser a round trip each and a scroll and paint of the page;
 * focusing in the page does neither. walk null: walked with the keys (tabThrough). The listeners are the debugger
 * protocol's, inline handlers and addEventListener alike. keysHeard: false where no key listener is on the page and
 * none can have been added since (no listener of the page ran: the shortcut probe needs no look of its own), else
 * null (not known).
 */
async function walkByFocus(
  page: Page,
  session: () => Promise<CDPSession>,
  maxTabs: number,
): Promise<{ walk: { presses: 0; stops: number; ended: 'end' | 'cap'; order: string[]; issues: PageCheckIssue[] } | null; keysHeard: boolean | null }> {
  const client = await session();
  const listened = await focusListenedNodes(client);
  const keysHeard = listened && !listened.keys && listened.focus?.length === 0 ? false : null;
  const focusListened = listened?.focus;
  if (!focusListened) return { walk: null, keysHeard };
  const objectGroup = 'govscore-focus-listened';
  try {
    for (const backendNodeId of focusListened) {
      const { object } = await client.send('DOM.resolveNode', { backendNodeId, objectGroup });
      if (!object.objectId) return { walk: null, keysHeard };
      await client.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        functionDeclaration: 'function () { window.__govscorePageChecks.kbListened(this); }',
      });
    }
  } finally {
    await client.send('Runtime.releaseObjectGroup', { objectGroup }).catch(() => undefined);
  }
  const walk = (await page.evaluate(`window.__govscorePageChecks.kbByFocus(${maxTabs})`)) as { stops: number; ended: 'end' | 'cap' } | null;
  if (!walk) return { walk: null, keysHeard };
  const { order, issues } = await focusSeen(page);
  return { walk: { presses: 0, stops: walk.stops, ended: walk.ended, order, issues }, keysHeard };
}

/**
 * Whether a key listener is on the page (the window, the document or any element), and the elements with a focus
 * or focusin listener of their own (backend node ids), focus null when a listener rules out the walk by focus
 * (walkByFocus). Null when not read. One protocol call for the whole document, one each for the window and the document.
 */
async function focusListenedNodes(client: CDPSession): Promise<{ keys: boolean; focus: number[] | null } | null> {
  const objectGroup = 'govscore-walk-listeners';
  try {
    const read = async (expression: string, depth: number) => {
      const { result } = await client.send('Runtime.evaluate', { expression, objectGroup });
      if (!result.objectId) return [];
      return (await client.send('DOMDebugger.getEventListeners', { objectId: result.objectId, depth, pierce: true })).listeners;
    };
    const [onWindow, onDocument, inside] = await Promise.all([read('window', 0), read('document', 0), read('document.documentElement', -1)]);
    const all = [...onWindow, ...onDocument, ...inside];
    const keys = all.some((l) => keyEventTypes.has(l.type));
    if (keys || all.some((l) => blurEventTypes.has(l.type)) || [...onWindow, ...onDocument].some((l) => focusEventTypes.has(l.type)))
      return { keys, focus: null };
    const nodes = inside.filter((l) => focusEventTypes.has(l.type)).map((l) => l.backendNodeId);
    return { keys, focus: nodes.every((n) => n !== undefined) ? [...new Set(nodes as number[])] : null };
  } catch {
    return null;
  } finally {
    await client.send('Runtime.releaseObjectGroup', { objectGroup }).catch(() => undefined);
  }
}

/**
 * The walk itself. In batches (no focus or blur handlers on the page that could move focus a moment after a
 * press), presses go in groups and each is read as it happens; otherwise each press is read on its own, once
 * such a handler has had its moment. Returns null when a batch came back with presses missing.
 */
async function walkFocus(page: Page, maxTabs: number, expired: () => boolean, batch: boolean, firstBatch = pressesPerBatch): Promise<Walk | null> {
  /** Presses the keys together (none: only reads where the focus is), then where the focus is. */
  const step = async (keys: string[] = ['Tab']): Promise<Step> => {
    for (const key of keys) await page.keyboard.down(key as KeyInput);
    for (const key of [...keys].reverse()) await page.keyboard.up(key as KeyInput);
    return (await page.evaluate('window.__govscorePageChecks.kbStep()')) as Step;
  };
  const pressed: Step[] = [];
  /** The next Tab's step, pressing a batch when none is waiting; null when the batch lost presses. */
  const tab = async (): Promise<Step | null> => {
    if (!batch) return step();
    if (!pressed.length) {
      const count = Math.max(1, Math.min(presses ? pressesPerBatch : firstBatch, maxTabs - presses));
      // The keys go without waiting on one another (each answer is the page's acknowledgement that it has
      // handled that key); the focus is read once all have been handled.
      const sent: Promise<unknown>[] = [];
      for (let i = 0; i < count; i++) sent.push(page.keyboard.down('Tab'), page.keyboard.up('Tab'));
      await Promise.all(sent);
      const steps = (await page.evaluate(`window.__govscorePageChecks.kbBatchEnd(${count})`)) as Step[] | null;
      if (!steps) return null;
      pressed.push(...steps);
    }
    return pressed.shift() ?? null;
  };
  const after = async (indices: number[]) => (await page.evaluate(`window.__govscorePageChecks.kbAfter(${JSON.stringify(indices)})`)) as number;
  let ended: Walk['ended'] = 'cap';
  let presses = 0;
  let visited = 0;
  let lastNew = -1;
  /** Elements focused since the last new one, in order. */
  let circling: number[] = [];
  let trap: number[] | null = null;
  /** Pauses after which focus did not move on (one that let it on is not counted), and after which newest element. */
  let waited = 0;
  let justWaited = false;
  const waitedAt = new Set<number>();
  while (presses < maxTabs) {
    if (expired()) {
      ended = 'time';
      break;
    }
    const next = await tab();
    if (!next) return null;
    const [index, fresh, frame, count] = next;
    presses++;
    visited = count;
    if (index < 0) {
      if (visited > 0) {
        ended = 'end';
        break;
      }
      continue;
    }
    if (fresh || frame) {
      // Inside a frame the focus moves among the frame's own elements, which this document does not see.
      if (fresh) lastNew = index;
      if (fresh && justWaited) waited--;
      justWaited = false;
      circling = [];
      continue;
    }
    justWaited = false;
    // Back at the first element right after the newest one: the order went round once, unless tab stops
    // were left out after the last element reached.
    if (index === 0 && circling.length === 0 && (await after([lastNew])) === 0) {
      ended = 'end';
      break;
    }
    const closed = circling.includes(index);
    circling.push(index);
    if (!closed) continue;
    // Focus goes round: the end of the order, unless tab stops after the loop were never reached (even when
    // the loop is every element visited so far: the rest of the page may lie after it).
    const loop = [...new Set(circling)];
    if ((await after(loop)) === 0) {
      ended = 'end';
      break;
    }
    // Pressed faster than a person would: a menu that opens a moment after focus (a hover delay) and only then
    // takes Tab into itself keeps focus for a press or two. Once per element, a person's pause, then Tab again.
    if (waited < maxWaits && !waitedAt.has(lastNew)) {
      waited++;
      justWaited = true;
      waitedAt.add(lastNew);
      await new Promise((resolve) => setTimeout(resolve, trapPatienceMs));
      circling = [];
      continue;
    }
    // The ways out: Escape (a modal dialog's), then the key combinations the page advises, each followed by Tab.
    const ways = [['Escape'], ...((await page.evaluate(`window.__govscorePageChecks.kbAdvice(${JSON.stringify(loop)})`)) as string[][])];
    ended = 'trap';
    for (const keys of ways.slice(0, 4)) {
      const [, outside] = await step(keys);
      const [nextIndex, isNew] = outside ? [0, 1] : await step();
      presses += outside ? 1 : 2;
      if (isNew || nextIndex < 0) {
        ended = 'escaped';
        break;
      }
      if (expired()) break;
    }
    if (ended === 'trap') trap = loop;
    break;
  }
  return { ended, presses, visited, trap };
}
