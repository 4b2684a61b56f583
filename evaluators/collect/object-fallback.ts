import { checkLinks } from './link-check.js';

/** An object element the page checks saw showing its fallback content, with nothing else naming it (page-checks.js objectsFallingBack). */
export interface FallingBackObject {
  selector: string;
  html: string;
  /** The data attribute, resolved. */
  url: string;
  /** The type attribute as written ('' when absent). */
  type: string;
}

const imageExtensions = /\.(png|jpe?g|gif|webp|bmp|svg|ico|avif)$/i;
const mediaExtensions = /\.(mp3|wav|ogg|oga|m4a|aac|flac|mp4|m4v|webm|ogv|mov)$/i;
/** The page check's issue (a PageCheckIssue of page-checks.ts, which imports this file). */
export interface UnnamedObjectsIssue {
  check: 'object-without-name';
  count: number;
  examples: Array<{ selector: string; html: string }>;
  detail: string;
}

/** How long the server may take to answer for an object's data. */
const answerTimeoutMs = 3000;

/**
 * Whether an object embeds an image, audio or video (ACT 8fc3b6's objects): by its type attribute when it has
 * one, else by the extension of its data's path. Another type (a page, a PDF, Flash) is not judged.
 */
export function embedsPictureOrMedia(object: Pick<FallingBackObject, 'url' | 'type'>): boolean {
  const type = object.type.trim().toLowerCase();
  if (type) return /^(image|audio|video)\//.test(type);
  let path: string;
  try {
    path = new URL(object.url).pathname;
  } catch {
    return false;
  }
  return imageExtensions.test(path) || mediaExtensions.test(path);
}

/**
 * Objects embedding an image, audio or video with no name (1.1.1): those seen falling back in the crawl's tab
 * (which fetches no images or media) whose data the server does serve, so that a visitor's browser shows the
 * resource and not the fallback, whose text or img alt then names nothing. Data that does not answer makes the
 * object fall back for the visitor too: its fallback is what is shown, and it is not reported. Null when none.
 */
export async function unnamedObjects(objects: readonly FallingBackObject[]): Promise<UnnamedObjectsIssue | null> {
  const judged = objects.filter(embedsPictureOrMedia);
  if (!judged.length) return null;
  const answered = await checkLinks(
    judged.map((o) => ({ url: o.url, foundOn: '', kind: 'image' as const })),
    { timeoutMs: answerTimeoutMs, retries: 0 },
  );
  const served = new Set(answered.filter((a) => a.result === 'ok').map((a) => a.url));
  const found = judged.filter((o) => served.has(o.url.replace(/#.*$/, '')));
  if (!found.length) return null;
  return {
    check: 'object-without-name',
    count: found.length,
    examples: found.map(({ selector, html }) => ({ selector, html })),
    detail: `${found.length} 个嵌入图片、音频或视频的 object 元素没有名称，其中的替代内容只在资源无法加载时显示`,
  };
}
