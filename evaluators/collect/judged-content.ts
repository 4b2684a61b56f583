import type { CDPSession, KeyInput, Page } from 'puppeteer';

import { differentRecords, genericLabelName, genericLinkName, titlePartOfHeading, titleUnrelated, unhelpfulImageName } from '../lib/judged-names.js';
import { languageLabel, type LanguageMismatch, languageMismatch } from '../lib/text-language.js';

/**
 * The suspected findings on what a person judges (in-page/judged-content.js reads, evaluators/lib/judged-names.ts
 * judges): image names that are file names or say only "image", links saying only 更多 with nothing around them,
 * links of one name and context leading to different records, images hidden with a name, audio and video with
 * no alternative beside them, video described only by a descriptions track, fields of one form labelled alike with
 * nothing visible to tell them apart or labelled only 菜单 or 提交, a title that shares next to nothing with the page
 * or is only a part of its main heading,
 * parts whose lang is of another script than their text, and single-character shortcuts that cannot be turned off.
 * Never failures.
 */

/** What these checks report, in the shape of a page check's issue (page-checks.ts, which imports this file). */
export interface JudgedIssue {
  check:
    | 'image-name-unhelpful'
    | 'hidden-image-with-alt'
    | 'link-name-generic'
    | 'identical-links-differ'
    | 'video-without-captions'
    | 'audio-without-transcript'
    | 'video-description-track-only'
    | 'label-not-distinct'
    | 'label-name-generic'
    | 'title-unrelated'
    | 'character-shortcut'
    | 'element-language'
    | 'page-language';
  count: number;
  examples: Array<{ selector: string; html: string }>;
  detail?: string;
  suspected: true;
}

interface NameRead {
  i: number;
  name: string;
}
interface JudgedRead {
  images: Array<NameRead & { linked: string | null }>;
  links: Array<NameRead & { context: boolean; group: number; href: string }>;
  /** Each field's label as shown (the visible part of what names it). */
  labels: NameRead[];
  /** The document's title, the page's visible text with its images' names and its main headings shown; null for a page with no title or no body. */
  title: { title: string; text: string; headings: string[] } | null;
  /** The text each lang attribute governs (the page's root among them), for the language detectors. */
  languages: Array<{ i: number; lang: string; root: boolean; text: string }>;
  issues: JudgedIssue[];
}

const maxExamples = 3;

/** The markup reads: call after page-checks.js and judged-content.js are in the page. The homepage's title may be the site's name alone. */
export async function judgedIssues(page: Page, role: 'homepage' | 'page' | 'article'): Promise<JudgedIssue[]> {
  const read = (await page.evaluate('window.__govscorePageChecks.judgedRead()')) as JudgedRead;
  const issues = [...read.issues];
  const describe = async (indices: number[]) =>
    (await page.evaluate(`window.__govscorePageChecks.judgedDescribe(${JSON.stringify(indices.slice(0, maxExamples))})`)) as JudgedIssue['examples'];
  const suspected = async (check: JudgedIssue['check'], found: NameRead[], detail: string): Promise<void> => {
    if (found.length) issues.push({ check, count: found.length, examples: await describe(found.map((f) => f.i)), detail, suspected: true });
  };

  const images = read.images.filter((r) => unhelpfulImageName(r.name, r.linked));
  await suspected('image-name-unhelpful', images, `替代文字如：${quoted(images)}`);

  const generic = read.links.filter((r) => !r.context && genericLinkName(r.name));
  await suspected('link-name-generic', generic, `链接文字如：${quoted(generic)}`);

  const labels = read.labels.filter((r) => genericLabelName(r.name));
  await suspected('label-name-generic', labels, `标签文字如：${quoted(labels)}`);

  const titled = read.title;
  const heading = titled && role !== 'homepage' ? titled.headings.find((h) => titlePartOfHeading(titled.title, h)) : undefined;
  if (titled && (titleUnrelated(titled.title, titled.text) || heading))
    issues.push({
      check: 'title-unrelated',
      count: 1,
      examples: [{ selector: 'title', html: `<title>${titled.title.slice(0, 120)}</title>` }],
      detail: heading
        ? `标题“${titled.title.slice(0, 60)}”只是页面主标题“${heading.slice(0, 60)}”的一部分（常为网站或单位名称），没有说明本页内容`
        : `标题“${titled.title.slice(0, 60)}”的各部分与页面正文、图片说明几乎没有相同的字词`,
      suspected: true,
    });

  // Links of one name in one paragraph, item or cell (group) whose destinations are different records.
  const sets = new Map<string, JudgedRead['links']>();
  for (const r of read.links) if (r.group >= 0 && r.href) sets.set(`${r.group}\u0000${r.name}`, [...(sets.get(`${r.group}\u0000${r.name}`) ?? []), r]);
  const differing = [...sets.values()].filter((set) => set.length > 1 && differentRecords(set.map((r) => r.href)));
  await suspected(
    'identical-links-differ',
    differing.flat(),
    differing
      .slice(0, 3)
      .map((set) => `“${set[0]!.name}”指向 ${set.map((r) => r.href).join('、')}`)
      .join('；'),
  );
  // The declared language against the detectors' reading: the page's root (3.1.1), then the parts (3.1.2), which join
  // the parts the in-page read found by script in one issue.
  const misread = read.languages.flatMap((r) => {
    const m = languageMismatch(r.lang, r.text);
    return m ? [{ ...r, m }] : [];
  });
  const root = misread.filter((r) => r.root);
  if (root.length) issues.push({ check: 'page-language', count: 1, examples: await describe([root[0]!.i]), detail: misreadDetail(root), suspected: true });
  const parts = misread.filter((r) => !r.root);
  if (parts.length) {
    const examples = await describe(parts.map((r) => r.i));
    const byScript = issues.find((i) => i.check === 'element-language');
    if (byScript) {
      byScript.count += parts.length;
      byScript.examples = [...byScript.examples, ...examples].slice(0, maxExamples);
    } else issues.push({ check: 'element-language', count: parts.length, examples, detail: misreadDetail(parts), suspected: true });
  }
  return issues;
}

function misreadDetail(found: Array<{ lang: string; text: string; m: LanguageMismatch }>): string {
  return found
    .slice(0, 3)
    .map((f) => `lang="${f.lang}" 的文字经语言识别为${languageLabel(f.m.detected)}：“${f.text.slice(0, 40)}${f.text.length > 40 ? '…' : ''}”`)
    .join('；');
}

function quoted(found: NameRead[]): string {
  return [...new Set(found.map((f) => `“${f.name}”`))].slice(0, 5).join('、');
}

/** Printable keys pressed with nothing focused: letters, digits and the punctuation sites bind (+, /, ?). */
const probeKeys: KeyInput[] = [...'abcdefghijklmnopqrstuvwxyz0123456789', '+', '-', '=', '/', '?', '.', ','] as KeyInput[];

/**
 * Single-character shortcuts (2.1.4): each printable key pressed once with focus on the page itself; a key the
 * page answers (changes the document while handling it, or prevents its default) is a shortcut. Call where the
 * page may be left changed: after the keyboard walk.
 */
export async function characterShortcut(page: Page, session: () => Promise<CDPSession>, keysHeard: boolean | null = null): Promise<JudgedIssue | null> {
  // Read before the probe's own listeners are armed: only the page's count. keysHeard false: the Tab walk's look
  // at the page's listeners found no key listener anywhere; then only an editable document takes a key.
  const answers = keysHeard === false ? ((await page.evaluate(editableDocument)) as boolean) : await keysAnswered(await session());
  await page.evaluate('window.__govscorePageChecks.shortcutArm()');
  // Sent without waiting on one another, as the Tab walk sends its batches: each is handled in order all the same.
  if (answers) await Promise.all(probeKeys.flatMap((key) => [page.keyboard.down(key), page.keyboard.up(key)]));
  return (await page.evaluate('window.__govscorePageChecks.shortcutRead()')) as JudgedIssue | null;
}

/**
 * Whether a key pressed with nothing focused can make the page act at all. Its events go to the body and on to
 * the html element, the document and the window, and to nothing else: with no key listener on any of them and
 * nothing editable there (designMode, a contenteditable body), no key does anything, and the 43 presses of the
 * probe (86 protocol calls, a tenth of the page checks' CPU) are left out.
 */
async function keysAnswered(client: CDPSession): Promise<boolean> {
  const objectGroup = 'govscore-shortcut';
  try {
    // An editable document takes every key as typing: no body handed back, probed.
    const targets = ['window', 'document', 'document.documentElement', `${editableDocument} ? null : document.body`];
    const listened = await Promise.all(
      targets.map(async (expression) => {
        const { result } = await client.send('Runtime.evaluate', { expression, objectGroup });
        if (!result.objectId) return true;
        const { listeners } = await client.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
        return listeners.some((l) => keyEvents.has(l.type));
      }),
    );
    return listened.includes(true);
  } catch {
    // Not known: probed as before.
    return true;
  } finally {
    void client.send('Runtime.releaseObjectGroup', { objectGroup }).catch(() => undefined);
  }
}

const keyEvents = new Set(['keydown', 'keypress', 'keyup']);
/** A document that takes every key as typing. */
const editableDocument = "document.designMode === 'on' || !document.body || document.body.isContentEditable";
