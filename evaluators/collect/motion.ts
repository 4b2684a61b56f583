import { readFileSync } from 'node:fs';

import type { Page } from 'puppeteer';

const motionScript = readFileSync(new URL('./in-page/motion.js', import.meta.url), 'utf8');

/** What the motion area reports, in the shape of a page check's issue (page-checks.ts). */
export interface MotionIssue {
  check: 'moving-content' | 'audio-autoplay';
  count: number;
  examples: Array<{ selector: string; html: string }>;
  detail: string;
  /** Read from the markup, the behaviour itself not seen (playback blocked, a single change): a reviewer confirms. */
  suspected?: true;
}

export interface MotionOptions {
  /** The first watch: two halves, each long enough for anything moving steadily to move a pixel. */
  windowMs?: number;
  /** How long, from the start, what changed once or looks like a carousel is watched for a second change. */
  settleMs?: number;
  /** Movers hovered, focused or whose control is pressed, at most. */
  probes?: number;
  /** Whether focusing elements is safe (the markup found no field that leaves the page on focus). */
  focus?: boolean;
  expired: () => boolean;
}

interface Mover {
  kind: 'move' | 'scroll' | 'swap' | 'text' | 'image' | 'marquee' | 'animation';
  pattern: 'continuous' | 'repeated' | 'once' | 'infinite' | 'long';
  changes: number;
  seconds?: number;
  count?: number;
  /** A moved element inside a box that clips it (a carousel's track). */
  clipped?: boolean;
  element: { selector: string; html: string };
  control: { name: string; near: boolean; pressable: boolean } | null;
}

interface Media {
  element: { selector: string; html: string };
  playing: boolean;
  /** Seconds of sound left; -1 endless (loop); null unknown (no metadata). */
  seconds: number | null;
  audio: 'yes' | 'unknown';
  autoplay: boolean;
}

type Verdict = { mover: Mover; fails: boolean; suspected: boolean; note: string };

const kindNames: Record<Mover['kind'], string> = {
  move: '位置移动',
  scroll: '内容滚动',
  swap: '内容轮换',
  text: '文字自动更新',
  image: '图片自动轮换',
  marquee: '<marquee> 滚动',
  animation: '循环动画',
};
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Watches the page for content that moves, scrolls, rotates or updates by itself (2.2.2) and reads its
 * audio and video (1.4.2). The watch costs wall time, not CPU: the page is looked at three times (element
 * boxes), the DOM's own change records say when something changed, and in between nothing of ours runs.
 * 1.2 s (two halves of 0.6 s) shows anything moving steadily (a ticker, a 飘窗, a marquee: a pixel in well
 * under 0.6 s) in both halves, and anything updating at least every 1.2 s (ACT's example updates every
 * second) at least once. What moved in both halves must go on moving for another second (a slide's slow
 * transition straddling the middle look does not); what changed once waits for a second change; what is
 * built like a carousel (content clipped in a box, stacked slides with one shown) waits for its first
 * turn: up to 5.5 s from the start, 2.2.2's 5 s and a transition, so that a carousel turning every 3–5 s
 * is seen turning, polled four times a second on those elements only. Then what keeps moving with no
 * pause, stop or hide control is hovered and focused to see whether it stops, and a control beside
 * something moving steadily is pressed to see that it works.
 */
export async function checkMotion(
  page: Page,
  options: MotionOptions,
): Promise<{ issues: MotionIssue[]; seen: { watchedMs: number; movers: number; media: number } }> {
  const windowMs = options.windowMs ?? 1200;
  const settleMs = options.settleMs ?? 5500;
  await page.evaluate(`${motionScript};window.__govscoreMotion.begin()`);
  await sleep(windowMs / 2);
  await page.evaluate('window.__govscoreMotion.look()');
  await sleep(windowMs / 2);
  await page.evaluate('window.__govscoreMotion.look()');
  if (options.expired()) throw new Error('timeout');
  const { watchedMs, movers } = (await page.evaluate(
    `window.__govscoreMotion.settle(${settleMs}).then(function (watchedMs) { return { watchedMs: watchedMs, movers: window.__govscoreMotion.movers() }; })`,
  )) as { watchedMs: number; movers: Mover[] };
  const verdicts: Verdict[] = [];
  let probes = options.probes ?? 3;
  try {
    for (const [i, mover] of movers.entries()) {
      if (options.expired()) throw new Error('timeout');
      const steady = mover.kind === 'animation' || (mover.pattern === 'continuous' && mover.kind !== 'text');
      if (mover.control) {
        // A control beside something moving steadily is pressed: it must stop or hide it. Others are taken by their name.
        if (!steady || !mover.control.near || !mover.control.pressable || probes <= 0) {
          verdicts.push({ mover, fails: false, suspected: false, note: '' });
          continue;
        }
        probes--;
        await page.evaluate(`window.__govscoreMotion.press(${i})`);
        const stopped = await stillAfter(page, i, 300);
        verdicts.push({ mover, fails: !stopped, suspected: false, note: stopped ? '' : `「${mover.control.name}」控件未能使其停止或隐藏` });
        continue;
      }
      // 2.2.2 is about content that keeps going. A change seen once is a carousel's turn when slides took turns
      // or a track moved inside its frame; a text, a picture or anything else changed once may be a one-off update.
      const turned = mover.kind === 'swap' || (mover.kind === 'move' && !!mover.clipped);
      if (!steady || probes <= 0) {
        verdicts.push({ mover, fails: true, suspected: mover.pattern === 'once' && !turned, note: steady ? '未检验鼠标悬停时是否停止' : '' });
        continue;
      }
      probes--;
      const point = (await page.evaluate(`window.__govscoreMotion.hold(${i}, ${options.focus !== false})`)) as { x: number; y: number } | null;
      if (point) {
        await page.mouse.move(point.x, point.y);
        // The page sees the mouse at its next frame: the handlers that stop things on hover run only then.
        for (let waited = 0; waited < 500 && !(await page.evaluate('window.__govscoreMotion.arrived()')); waited += 50) await sleep(50);
      }
      const stopped = await stillAfter(page, i, 150);
      await page.mouse.move(0, 0);
      await page.evaluate('window.__govscoreMotion.release()');
      // Stopping only while pointed at or focused leaves it moving while one reads the rest of the page.
      verdicts.push({ mover, fails: true, suspected: stopped, note: stopped ? '仅在鼠标悬停或获得焦点时停止' : '鼠标悬停和获得焦点时不停止' });
    }
  } finally {
    await page.evaluate('window.__govscoreMotion.release()').catch(() => undefined);
  }
  const { failing: media, count: mediaSet } = (await page.evaluate('window.__govscoreMotion.media()')) as { failing: Media[]; count: number };
  const seconds = (watchedMs / 1000).toFixed(1);
  const issues = [movingIssue(verdicts, seconds), audioIssue(media)].filter((i): i is MotionIssue => i !== null);
  return { issues, seen: { watchedMs, movers: movers.length, media: mediaSet } };
}

/** Whether mover i stays still over 0.4 s, starting `afterMs` from now (a hover handler or a fade-out acts first). */
async function stillAfter(page: Page, i: number, afterMs: number): Promise<boolean> {
  await sleep(afterMs);
  await page.evaluate(`window.__govscoreMotion.mark(${i})`);
  await sleep(400);
  return (await page.evaluate(`window.__govscoreMotion.held(${i})`)) as boolean;
}

function moverText(v: Verdict): string {
  const m = v.mover;
  const how =
    m.pattern === 'continuous'
      ? '持续'
      : m.pattern === 'repeated'
        ? `反复变化${m.changes > 1 ? ` ${m.changes} 次` : ''}`
        : m.pattern === 'once'
          ? '观察期内自动变化 1 次'
          : m.pattern === 'infinite'
            ? '无限循环'
            : `还将持续 ${m.seconds} 秒`;
  const count = m.count && m.count > 1 ? `（${m.count} 个元素）` : '';
  return [`${kindNames[m.kind]}${count}，${how}`, v.note].filter(Boolean).join('，');
}

/** One issue for the page: the movers that fail, certain ones first; suspected only when none is certain. */
function movingIssue(verdicts: Verdict[], seconds: string): MotionIssue | null {
  const failing = verdicts.filter((v) => v.fails).sort((a, b) => Number(a.suspected) - Number(b.suspected));
  if (!failing.length) return null;
  const certain = failing.filter((v) => !v.suspected);
  const shown = failing.slice(0, 3).map(moverText).join('；');
  const detail = `${failing.length} 处自动移动或更新的内容没有可用的暂停、停止或隐藏控件：${shown}（观察 ${seconds} 秒）`;
  return {
    check: 'moving-content',
    count: failing.length,
    examples: failing.slice(0, 3).map((v) => v.mover.element),
    detail: certain.length ? detail : `疑似：${detail}`,
    ...(certain.length ? {} : { suspected: true as const }),
  };
}

/**
 * Sound that plays by itself. Headless Chromium does not start unmuted media without a user's gesture, as
 * browsers do on a first visit (once the visitor has interacted with the site, they play), and the crawl's
 * tabs do not fetch media files at all: what was seen playing with sound is certain; what is set to play
 * (autoplay) but was held back or not loaded is suspected, its length and whether it has sound unknown.
 */
function audioIssue(media: Media[]): MotionIssue | null {
  if (!media.length) return null;
  const ordered = [...media].sort((a, b) => Number(b.playing) - Number(a.playing));
  const certain = ordered.filter((m) => m.playing && m.audio === 'yes' && m.seconds !== null);
  const length = (m: Media) => (m.seconds === null ? '时长未知' : m.seconds < 0 ? '循环或直播，不会自行停止' : `约 ${m.seconds} 秒`);
  const shown = ordered
    .slice(0, 3)
    .map((m) => `${m.playing ? '正在有声播放' : '设有 autoplay（检测时未播放）'}，${length(m)}`)
    .join('；');
  const detail = `${media.length} 个音频或视频自动播放声音，没有暂停、停止、静音或音量控件：${shown}`;
  return {
    check: 'audio-autoplay',
    count: media.length,
    examples: ordered.slice(0, 3).map((m) => m.element),
    detail: certain.length ? detail : `疑似：${detail}`,
    ...(certain.length ? {} : { suspected: true as const }),
  };
}
