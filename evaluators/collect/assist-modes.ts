import { readFileSync } from 'node:fs';

import type { Page } from 'puppeteer';

import { taxonomy } from '../lib/taxonomy.js';

const probeScript = readFileSync(new URL('./in-page/assist-modes.js', import.meta.url), 'utf8');

/**
 * Per item of the 适老化 rules for a site's assist mode (工信部《互联网网站适老化通用设计规范》, 2021: 特大字体与文字
 * 放大, 背景色高对比, 特大鼠标, 语音阅读, no ads or pop-ups in the mode): `holds` — pressed and it did what it
 * says; `fails` — pressed and nothing changed (or a pop-up is there); `absent` — no such control;
 * `offered` — the control is there but a machine cannot tell whether it works (read-aloud speaks);
 * `not-measured` — the check could not run here.
 */
export type AssistStatus = 'holds' | 'fails' | 'absent' | 'offered' | 'not-measured';

export interface AssistItem {
  status: AssistStatus;
  /** The control's text as the site shows it (放大, 高对比度 …). */
  control: string | null;
  /** What was done and seen, in Chinese. */
  evidence: string;
}

export interface AssistModeObservation {
  /** Text enlargement: `factor` is the largest text size reached over the size before (1 = unchanged). */
  enlarge: AssistItem & { factor: number | null };
  contrast: AssistItem;
  cursor: AssistItem;
  readAloud: AssistItem;
  /** No pop-up or floating ad over the content in the mode. */
  noPopups: AssistItem;
}

/** The items in the order reports list them, with their names in the rules' words. */
export const assistItemNames = [
  ['enlarge', '文字放大'],
  ['contrast', '高对比度'],
  ['cursor', '特大鼠标'],
  ['readAloud', '语音阅读'],
  ['noPopups', '无广告弹窗'],
] as const;

export const assistStatusNames: Readonly<Record<AssistStatus, string>> = {
  holds: '符合',
  fails: '不起作用',
  absent: '未提供',
  offered: '已提供（效果需人工确认）',
  'not-measured': '未能检测',
};

/** Text enlargement holds when the text reaches this many times its size within `maxPresses` presses [I: the rules ask for 特大字体 without a factor]. */
export const enlargeTarget = 1.5;
const maxPresses = 10;

type AssistPurpose = 'enlarge' | 'contrast' | 'cursor' | 'readAloud' | 'reset';

interface Probe {
  entry(words: string[]): { name: string; href: string } | null;
  controls(words: Record<AssistPurpose, string[]>): Partial<Record<AssistPurpose, string>>;
  press(purpose: string): boolean;
  textSize(): number | null;
  look(): string;
  cursorOf(): string;
  overlays(): Array<{ html: string; share: number }>;
}
/** Calls the in-page probe (a function handed to the page is sent as text: it cannot close over anything here). */
function call<K extends keyof Probe>(tab: Page, method: K, ...args: Parameters<Probe[K]>): Promise<ReturnType<Probe[K]>> {
  return tab.evaluate(
    (m: string, a: unknown[]) => (window as unknown as { __govscoreAssist: Record<string, (...x: unknown[]) => unknown> }).__govscoreAssist[m]!(...a),
    method,
    args,
  ) as Promise<ReturnType<Probe[K]>>;
}
const settle = (tab: Page) => tab.waitForNetworkIdle({ idleTime: 150, timeout: 1500 }).catch(() => undefined);

/**
 * Checks the assist mode the tab is in now (its entry was just clicked or opened): each control pressed
 * and what it changed measured in the page. Bounded: a page that stops answering gives `not-measured` items.
 */
export async function checkAssistMode(tab: Page, timeoutMs = 20_000): Promise<AssistModeObservation> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), timeoutMs)));
  try {
    return (await Promise.race([measure(tab).catch(() => null), deadline])) ?? unmeasured('检测超时或页面无响应');
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The page's entry to its assist mode (无障碍, 长者模式 …): a link, a button, or a span or icon that only a
 * script makes clickable. Marked so that `pressAssistEntry` presses it.
 */
export async function findAssistEntry(tab: Page, words: string[]): Promise<{ name: string; href: string } | null> {
  await tab.evaluate(probeScript);
  return call(tab, 'entry', words);
}

export async function pressAssistEntry(tab: Page): Promise<boolean> {
  return call(tab, 'press', 'entry');
}

/** Every item not measured, with the reason. */
export function unmeasured(reason: string): AssistModeObservation {
  const item = { status: 'not-measured' as const, control: null, evidence: reason };
  return { enlarge: { ...item, factor: null }, contrast: item, cursor: item, readAloud: item, noPopups: item };
}

async function measure(tab: Page): Promise<AssistModeObservation> {
  await tab.evaluate(probeScript);
  const words = taxonomy().identity.assistControls;
  const controls = await call(tab, 'controls', words);
  // An absent control says what was looked for: it rests on not finding, and other wording may have been missed.
  const notFound = (purpose: AssistPurpose) => `在页面按钮和链接的文字、title、aria-label 中查找“${words[purpose].join('/')}”，未找到`;
  const overlays = await call(tab, 'overlays');
  const noPopups: AssistItem = overlays.length
    ? { status: 'fails', control: null, evidence: `模式中有 ${overlays.length} 个浮动层或弹窗，如 ${overlays[0]!.html}` }
    : { status: 'holds', control: null, evidence: '未发现弹窗或浮动广告' };
  const cursor = await toggled(tab, 'cursor', controls.cursor, 'cursorOf', '光标样式', notFound('cursor'));
  const contrast = await toggled(tab, 'contrast', controls.contrast, 'look', '页面颜色或滤镜', notFound('contrast'));
  const readAloud: AssistItem = controls.readAloud
    ? { status: 'offered', control: controls.readAloud, evidence: `提供“${controls.readAloud}”（能否朗读需人工确认）` }
    : { status: 'absent', control: null, evidence: notFound('readAloud') };
  return { enlarge: await enlarged(tab, controls.enlarge, notFound('enlarge')), contrast, cursor, readAloud, noPopups };
}

/** Presses a control once and says whether what it should change did. */
async function toggled(
  tab: Page,
  purpose: 'cursor' | 'contrast',
  control: string | undefined,
  state: 'cursorOf' | 'look',
  what: string,
  searched: string,
): Promise<AssistItem> {
  if (!control) return { status: 'absent', control: null, evidence: searched };
  const before = await call(tab, state);
  const pressed = await call(tab, 'press', purpose);
  if (!pressed) return { status: 'not-measured', control, evidence: `未能按下“${control}”` };
  await settle(tab);
  const after = await call(tab, state);
  return after !== before
    ? { status: 'holds', control, evidence: `按下“${control}”后${what}改变` }
    : { status: 'fails', control, evidence: `按下“${control}”后${what}没有变化` };
}

/** Presses the enlarge control until the text reaches the target or `maxPresses` presses, measuring the drawn text each time. */
async function enlarged(tab: Page, control: string | undefined, searched: string): Promise<AssistModeObservation['enlarge']> {
  if (!control) return { status: 'absent', control: null, evidence: searched, factor: null };
  const base = await call(tab, 'textSize');
  if (!base) return { status: 'not-measured', control, evidence: '页面上没有可测量的正文文字', factor: null };
  let largest = base;
  let presses = 0;
  while (presses < maxPresses && largest / base < enlargeTarget) {
    if (!(await call(tab, 'press', 'enlarge'))) break;
    presses++;
    await settle(tab);
    largest = Math.max(largest, (await call(tab, 'textSize')) ?? 0);
  }
  const factor = Math.round((largest / base) * 100) / 100;
  const said = `按“${control}”${presses}次后文字为原来的 ${factor} 倍`;
  return factor >= enlargeTarget
    ? { status: 'holds', control, evidence: said, factor }
    : { status: 'fails', control, evidence: `${said}（要求至少 ${enlargeTarget} 倍）`, factor };
}
