// Draws every chart on the page from its Vega-Lite spec (a JSON data block next to it) with vega-embed.
// The actions menu offers the PNG (at 2×) and SVG downloads; the editor and source links stay off.
document.addEventListener('DOMContentLoaded', () => {
  for (const box of document.querySelectorAll('.chart[data-spec]')) {
    const block = document.getElementById(box.dataset.spec);
    if (!block || typeof vegaEmbed !== 'function') continue;
    const spec = JSON.parse(block.textContent);
    vegaEmbed(box, spec, {
      renderer: 'svg',
      scaleFactor: 2,
      downloadFileName: box.dataset.file || 'chart',
      actions: { export: true, source: false, compiled: false, editor: false },
      i18n: { PNG_ACTION: '下载 PNG 图片', SVG_ACTION: '下载 SVG 图片', CLICK_TO_VIEW_ACTIONS: '图表操作' },
    })
      .then((result) => {
        // Kept on the element for the page's own scripts (and the browser test) to export it again.
        box.vegaView = result.view;
        // The actions menu's button is an icon only: give it a name screen readers can say.
        const menu = box.querySelector('summary');
        if (menu) menu.setAttribute('aria-label', '图表操作：下载 PNG 或 SVG 图片');
        const svg = box.querySelector('svg.marks');
        if (svg) {
          svg.setAttribute('role', 'img');
          svg.setAttribute('aria-label', box.dataset.file + '（图表，数据见下表）');
        }
        box.setAttribute('data-drawn', '1');
      })
      .catch((error) => {
        box.textContent = '图表无法显示：' + error.message;
      });
  }
});
