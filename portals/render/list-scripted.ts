import { html, raw } from '../../reports/html.js';
import { formatDate } from '../model/dates.js';
import type { Column } from '../model/types.js';
import type { RenderContext, Reply } from './context.js';
import { columnFrame } from './list-page.js';
import { listRows, pageCount, pageItems, skinnedListRows } from './list-rows.js';
import { rewriteClasses } from './skin/names.js';

/**
 * Hanweb/大汉-like: the column page holds an empty container; a script asks the data proxy for records
 * and pages with javascript:; links. Without JavaScript the page shows no items at all.
 */
export function hanwebColumnPage(ctx: RenderContext, column: Column): string {
  const container = html`<div id="div${column.numericId}" class="default_pgContainer"></div>
<script>hanwebList({ columnid: ${column.numericId}, perpage: ${column.pageSize}, container: "div${column.numericId}", placeholder: ${raw(JSON.stringify(column.placeholder ?? ''))}${raw(skinOptions(ctx, column))} });</script>`;
  return columnFrame(ctx, column, container, html``);
}

/** A skin's list wrapper and split, for the script that assembles the records (none on the classic skin). */
function skinOptions(ctx: RenderContext, column: Column): string {
  if (ctx.skin.classic) return '';
  const { open, close } = skinnedListRows(ctx, column, []);
  // The script writes the wrapper into the page after the skin rewrote its classes: rewrite them here.
  const wrap = [open, close].map((t) => rewriteClasses(t, ctx.skin));
  return `, wrap: ${JSON.stringify(wrap)}, split: ${ctx.skin.splitRows ?? 0}`;
}

/** dataproxy.jsp?startrecord=&endrecord=&perpage=&columnid= → XML with one CDATA record per row. */
export function hanwebDataProxy(ctx: RenderContext, params: URLSearchParams): Reply {
  const column = ctx.portal.columns.find((c) => String(c.numericId) === params.get('columnid'));
  if (!column) return { status: 200, type: 'text/xml', body: '<?xml version="1.0" encoding="UTF-8"?><datastore><totalrecord>0</totalrecord></datastore>' };
  const start = Math.max(1, Number(params.get('startrecord') ?? 1));
  const end = Math.min(column.items.length, Number(params.get('endrecord') ?? column.pageSize));
  const records = column.items.slice(start - 1, end).map((i) => {
    const row = ctx.skin.classic
      ? listRows(ctx, column, [i])
          .value.replace(/^<ul class="list">|<\/ul>$/g, '')
          .trim()
      : rewriteClasses(skinnedListRows(ctx, column, [i]).rows[0]!.trim(), ctx.skin);
    return `<record><![CDATA[${row}]]></record>`;
  });
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<datastore>
<nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&appid=1&webid=1&path=/&columnid=${column.numericId}&unitid=${column.numericId + 77}&permissiontype=0"></a>]]></nextgroup>
<recordset>
${records.join('\n')}
</recordset>
<totalrecord>${column.items.length}</totalrecord>
<totalpage>${pageCount(column)}</totalpage>
</datastore>`;
  return { status: 200, type: 'text/xml', body };
}

/** 信息公开目录: a table filled from a JSON API by script; 成文日期 comes before 发布日期. */
export function cataloguePage(ctx: RenderContext, column: Column): string {
  const table = html`<table class="catalogue" width="100%"><thead><tr><th>索引号</th><th>主题分类</th><th>发文机关</th><th>文号</th><th>标题</th><th>成文日期</th><th>发布日期</th><th>有效性</th></tr></thead><tbody id="catalogue-rows"><tr><td colspan="8">正在加载…</td></tr></tbody></table>
<div class="pager" id="catalogue-pager"></div>
<script>catalogueTable({ column: "${column.id}", size: ${column.pageSize} });</script>`;
  return columnFrame(ctx, column, table, html``);
}

export function catalogueApi(ctx: RenderContext, params: URLSearchParams): Reply {
  const column = ctx.portal.columns.find((c) => c.id === params.get('column') && c.style === 'catalogue');
  if (!column) return { status: 404, type: 'application/json', body: '{"code":404,"msg":"栏目不存在"}' };
  const size = Number(params.get('size') ?? column.pageSize);
  const pageNo = Math.max(1, Number(params.get('page') ?? 1));
  const records = pageItems({ ...column, pageSize: size }, pageNo - 1).map((i) => ({
    indexNo: i.indexNumber ?? '',
    category: '综合政务',
    publisher: ctx.portal.name,
    docNo: i.docNumber ?? '',
    title: i.title,
    url: i.path,
    writtenDate: i.writtenOn ? formatDate(i.writtenOn, 'iso') : '',
    publishDate: i.date ? formatDate(i.date, 'iso') : '',
    validity: i.validity ?? '',
  }));
  const body = JSON.stringify({ code: 0, data: { total: column.items.length, page: pageNo, size, records } });
  return { status: 200, type: 'application/json', body };
}
