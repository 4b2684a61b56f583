/**
 * The named outcomes of a failed site or page. "Retryable" failures may pass on a later attempt
 * (a timeout, a refused connection, a 5xx); permanent ones will not (a 404, a bad certificate, a name
 * that does not resolve, robots.txt forbidding the page).
 */
export const failureKinds = {
  dns: { zh: '域名无法解析', permanent: true },
  refused: { zh: '连接被拒绝', permanent: false },
  timeout: { zh: '超时', permanent: false },
  reset: { zh: '连接被重置', permanent: false },
  tls: { zh: '证书或加密连接错误', permanent: true },
  'http-5xx': { zh: '服务器错误', permanent: false },
  'http-4xx': { zh: '页面不存在或拒绝访问', permanent: true },
  'blocked-by-waf': { zh: '被防火墙拦截', permanent: false },
  // The host asked for a longer pause (Retry-After) than the run waits: assessed again once it is over.
  'rate-limited': { zh: '被限流', permanent: false },
  'robots-disallowed': { zh: 'robots.txt 禁止抓取', permanent: true },
  'redirect-loop': { zh: '重定向循环', permanent: true },
  'too-large': { zh: '页面过大', permanent: true },
  'crashed-renderer': { zh: '页面脚本失控或渲染进程崩溃', permanent: false },
  'script-timeout': { zh: '页面脚本长时间占用', permanent: false },
  /** A page of the crawl that led to another site: not this site's page, nothing to measure on it. */
  'off-site': { zh: '跳转到其他网站', permanent: true },
  /** The homepage itself went to another site (a redirect, a script or a meta refresh): that site is not assessed as this one. */
  'left-site': { zh: '首页跳转到其他网站', permanent: true },
  /** The homepage answered, but shows no text, no link and no frame once its scripts have run. */
  'empty-page': { zh: '首页为空白页面', permanent: false },
  /**
   * Not opened: the site's page budget (--max-pages) was spent. A try again under the same budget would be
   * refused again; what the page would have shown is not known.
   */
  'page-budget': { zh: '超出页面预算', permanent: true },
  error: { zh: '其他错误', permanent: false },
} as const;

export type FailureKind = keyof typeof failureKinds;

/** "http-503" → "http-5xx" etc.: the kind a status or error name belongs to. */
export function failureKind(reason: string): FailureKind {
  if (/^http-5\d\d$/.test(reason)) return 'http-5xx';
  if (/^http-4\d\d$/.test(reason)) return 'http-4xx';
  const head = reason.split(/[\s(:]/)[0] as FailureKind;
  return head in failureKinds ? head : 'error';
}

export function isRetryable(reason: string): boolean {
  return !failureKinds[failureKind(reason)].permanent;
}

/**
 * Whether what a page would have shown is unknown: it failed for a passing reason (even on its second try), or
 * it was never opened because the page budget was spent. Either way what rests on it is not measured — never
 * read as absent. A page that answered 404 or led elsewhere is missing, not unknown.
 */
export function leavesUnknown(reason: string): boolean {
  return isRetryable(reason) || failureKind(reason) === 'page-budget';
}

export function failureLabel(reason: string): string {
  const asked = failureKind(reason) === 'rate-limited' ? /retry-after (\d+) s/.exec(reason)?.[1] : undefined;
  return asked ? `被限流（服务器要求 ${asked} 秒后重试）` : failureKinds[failureKind(reason)].zh;
}

/** The reason a site, page or probe was not requested: its host asked to be left alone this many seconds. */
export function rateLimitedReason(askedS: number): string {
  return `rate-limited (retry-after ${askedS} s)`;
}
