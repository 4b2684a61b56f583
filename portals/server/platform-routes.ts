import { html } from '../../reports/html.js';
import { standIns } from '../model/urls.js';
import { RenderContext, type Reply } from '../render/context.js';
import { mailboxPages, platformPage } from '../render/mailbox.js';

type Handler = (query: URLSearchParams) => Reply;

/**
 * The shared interaction/service platform host: mailboxes shown in portal iframes, the 信访 and 纪检举报
 * pages (not consultation channels), and the 在线办理 pages that guides link to.
 */
export function platformRoutes(contexts: RenderContext[]): Map<string, Handler> {
  const routes = new Map<string, Handler>();
  const page = (body: string): Reply => ({ status: 200, type: 'text/html', body });
  for (const ctx of contexts) {
    const m = ctx.portal.mailbox;
    if (m?.placement === 'iframe') for (const [path, render] of mailboxPages(ctx, m).platform) routes.set(path, (q) => page(render(q)));
  }
  const any = contexts[0];
  if (any) {
    routes.set('/xf/index.html', () =>
      page(
        platformPage(
          any,
          '网上信访',
          html`<p>信访事项请通过国家信访信息系统提交，本平台不受理咨询建议。</p><p><a href="/xf/login.html">登录后提交信访事项</a></p>`,
        ),
      ),
    );
    routes.set('/jjjc/index.html', () => page(platformPage(any, '纪检监察举报', html`<p>本平台受理对党员干部违纪违法行为的检举控告。</p>`)));
    routes.set('/zwfw/apply.html', (q) =>
      page(
        platformPage(
          any,
          '在线办理',
          html`<p>事项编号：${q.get('item') ?? ''}</p><p>请使用统一身份认证登录后在线申报。</p><form><label>证件号码 <input name="id"></label><button type="button">登录</button></form>`,
        ),
      ),
    );
  }
  // Stand-ins for the outside sites every portal links to (中国政府网, ICP/公安备案, 党政机关标识): the sample
  // portals must never send a crawler or link checker off this machine.
  // The registration systems' stand-ins carry the real host in their path, which the furniture check recognises
  // (evaluators/data/link-safety.yaml registration); the gambling site is where the planted 暗链 and the hijack lead.
  const outside: Array<[string, string]> = [
    ['/ext/govcn/index.html', '中国政府网'],
    [standIns.icp, 'ICP/IP地址/域名信息备案管理系统'],
    [standIns.police, '全国互联网安全管理服务平台'],
    [standIns.badge, '党政机关网站标识'],
    [standIns.gambling, '澳门博彩娱乐城'],
  ];
  for (const [path, title] of outside)
    routes.set(path, () => ({
      status: 200,
      type: 'text/html',
      body: `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1></body></html>`,
    }));
  routes.set(standIns.adScript, () => ({ status: 200, type: 'application/javascript', body: '/* an advertising network stand-in */' }));
  routes.set('/platform.css', () => ({
    status: 200,
    type: 'text/css',
    body: 'body{font:14px/1.6 sans-serif;margin:0;background:#fff}.platform{padding:12px}h1{font-size:18px;color:#1a5fb4}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:5px}th{background:#eef3fa}.pager{margin:10px 0;text-align:center}.pager a,.pager span{margin:0 4px}',
  }));
  return routes;
}
