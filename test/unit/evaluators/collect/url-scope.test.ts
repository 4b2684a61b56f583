import { describe, expect, it } from 'vitest';

import { failureKind, failureLabel, isRetryable } from '../../../../evaluators/collect/failures.js';
import { isDocument, pageKey, sameSite, siteRoot, stillOnSite, trapReason, urlTemplate } from '../../../../evaluators/collect/url-scope.js';

describe('crawl scope rules', () => {
  it('one key per page: fragments, session ids and index documents do not make new pages', () => {
    expect(pageKey('https://a.gov.cn/zwyw/index.html#top')).toBe('https://a.gov.cn/zwyw/');
    expect(pageKey('https://a.gov.cn/zwyw/index.html;jsessionid=ABC')).toBe('https://a.gov.cn/zwyw/');
    expect(pageKey('https://a.gov.cn/list.asp?page=2&classid=3&sid=99')).toBe('https://a.gov.cn/list.asp?classid=3&page=2');
    expect(pageKey('https://a.gov.cn/zwyw/index_1.html')).toBe('https://a.gov.cn/zwyw/index_1.html');
  });

  it("a site's root address, with or without its index document, is its homepage", () => {
    expect(siteRoot('https://www.example.gov.cn')).toBe(true);
    expect(siteRoot('https://www.example.gov.cn/index.shtml#top')).toBe(true);
    expect(siteRoot('http://www.example.gov.cn/default.aspx')).toBe(true);
    expect(siteRoot('https://www.example.gov.cn/zwgk/index.html')).toBe(false);
    expect(siteRoot('https://www.example.gov.cn/?id=1001')).toBe(false);
    expect(siteRoot('not a url')).toBe(false);
  });

  it('same site: same host and port; subdomains only when allowed', () => {
    expect(sameSite('http://127.0.0.1:8701/a', 'http://127.0.0.1:8701')).toBe(true);
    expect(sameSite('http://127.0.0.1:8702/a', 'http://127.0.0.1:8701')).toBe(false);
    expect(sameSite('https://xxgk.example.gov.cn/', 'https://www.example.gov.cn', false)).toBe(false);
    expect(sameSite('https://xxgk.example.gov.cn/', 'https://www.example.gov.cn', true)).toBe(true);
    expect(sameSite('https://example.gov.cn.evil.com/', 'https://www.example.gov.cn', true)).toBe(false);
    expect(sameSite('javascript:alert(1)', 'https://www.example.gov.cn')).toBe(false);
  });

  it('documents are not opened in the browser', () => {
    expect(isDocument('https://a.gov.cn/files/2026/申请表.docx')).toBe(true);
    expect(isDocument('https://a.gov.cn/files/report.PDF')).toBe(true);
    expect(isDocument('https://a.gov.cn/zwyw/index.html')).toBe(false);
  });

  it('traps: calendars, endless queries, repeating paths', () => {
    expect(trapReason('https://a.gov.cn/calendar/?month=2026-11')).toBe('calendar');
    expect(trapReason('https://a.gov.cn/event.jsp?date=2026-11-03')).toBe('calendar');
    expect(trapReason(`https://a.gov.cn/s?q=${'x'.repeat(250)}`)).toBe('long-query');
    expect(trapReason('https://a.gov.cn/s?a=1&b=2&c=3&d=4&e=5&f=6&g=7')).toBe('many-parameters');
    expect(trapReason('https://a.gov.cn/a/b/a/b/a/index.html')).toBe('repeating-path');
    expect(trapReason('https://a.gov.cn/news/list.asp?classid=3&page=2')).toBeNull();
    expect(urlTemplate('https://a.gov.cn/calendar/?month=2026-11')).toBe(urlTemplate('https://a.gov.cn/calendar/?month=2027-01'));
  });

  it('failure kinds: retryable or permanent, with a Chinese label', () => {
    expect(failureKind('http-503')).toBe('http-5xx');
    expect(failureKind('http-404')).toBe('http-4xx');
    expect(failureKind('blocked-by-waf (HTTP 412)')).toBe('blocked-by-waf');
    expect(isRetryable('timeout')).toBe(true);
    expect(isRetryable('http-404')).toBe(false);
    expect(isRetryable('tls')).toBe(false);
    expect(failureLabel('refused')).toBe('连接被拒绝');
    expect(failureKind('something odd')).toBe('error');
  });

  it('site failures of a homepage: left-site (with where it went) is permanent, empty-page may pass; a page sent off-site is not retried', () => {
    expect(failureKind('left-site https://www.other.gov.cn')).toBe('left-site');
    expect(failureLabel('left-site https://www.other.gov.cn')).toBe('首页跳转到其他网站');
    expect(isRetryable('left-site https://www.other.gov.cn')).toBe(false);
    expect(failureLabel('empty-page')).toBe('首页为空白页面');
    expect(isRetryable('empty-page')).toBe(true);
    expect(isRetryable('off-site')).toBe(false);
  });

  it('a homepage still on its site: the host with or without www., http or https, a subdomain only when allowed', () => {
    const asked = 'http://example.gov.cn/';
    expect(stillOnSite('http://www.example.gov.cn/index.html', asked)).toBe(true);
    expect(stillOnSite('https://example.gov.cn/', asked)).toBe(true);
    expect(stillOnSite('https://www.example.gov.cn/', asked)).toBe(true);
    expect(stillOnSite('http://example.gov.cn/', 'https://www.example.gov.cn/')).toBe(true);
    expect(stillOnSite('https://xxgk.example.gov.cn/', asked)).toBe(false);
    expect(stillOnSite('https://xxgk.example.gov.cn/', asked, true)).toBe(true);
    // Another registrable domain, or the city portal a department's subdomain sends visitors to: another site.
    expect(stillOnSite('https://www.other.gov.cn/', asked, true)).toBe(false);
    expect(stillOnSite('https://www.sz.gov.cn/', 'https://fgw.sz.gov.cn/')).toBe(false);
    expect(stillOnSite('https://example.gov.cn.evil.com/', asked, true)).toBe(false);
    expect(stillOnSite('http://example.gov.cn:8080/', asked)).toBe(false);
    expect(stillOnSite('chrome-error://chromewebdata/', asked)).toBe(false);
  });
});
