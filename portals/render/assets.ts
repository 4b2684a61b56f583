import type { Portal } from '../model/types.js';

/** Static files every portal serves: stylesheet, scripts (pager, list loaders, toolbar), images. */
export function assets(portal: Portal): Map<string, { type: string; body: string }> {
  const files = new Map<string, { type: string; body: string }>();
  files.set('/css/site.css', { type: 'text/css', body: css(portal) });
  files.set('/js/common.js', { type: 'application/javascript', body: commonJs });
  files.set('/assist/toolbar.js', { type: 'application/javascript', body: toolbarJs });
  files.set('/images/banner.svg', { type: 'image/svg+xml', body: bannerSvg(portal) });
  files.set('/images/logo.svg', { type: 'image/svg+xml', body: logoSvg(portal) });
  files.set('/images/dzjg.svg', { type: 'image/svg+xml', body: badgeSvg });
  files.set('/images/content/leader.svg', { type: 'image/svg+xml', body: pictureSvg('#8899aa', 120, 160) });
  for (let i = 0; i < 5; i++)
    files.set(`/images/content/pic_${i}.svg`, {
      type: 'image/svg+xml',
      body: pictureSvg(['#6b8e23', '#4682b4', '#b8860b', '#708090', '#8b4513'][i]!, 600, 340),
    });
  files.set('/favicon.ico', { type: 'image/svg+xml', body: logoSvg(portal) });
  return files;
}

/**
 * Secondary text is #666 (5.7:1 on white) and links inside a line of text are underlined, so that the only
 * WCAG 1.4.x failure a portal shows is its planted low-contrast footer (truth: accessibility.planted). Below
 * 760 px the grids fold into one column no wider than the screen and the headline picture shrinks with it:
 * at 320 CSS px nothing scrolls sideways (1.4.10) unless a portal plants a fixed width (truth: pageChecks).
 */
function css(p: Portal): string {
  const { primary, accent } = p.theme;
  return `body{margin:0;font:14px/1.7 "Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#333;background:#f5f5f5}
a{color:#222;text-decoration:none}a:hover{color:${primary}}
.wrap{width:1200px;max-width:100%;margin:0 auto;box-sizing:border-box;padding:0 10px}
.topbar{background:#f0f0f0;border-bottom:1px solid #ddd;font-size:12px;line-height:32px}.topbar .tools{float:right}
.header{height:150px;background:${p.theme.banner} center/cover no-repeat}.header .wrap{display:flex;align-items:center;justify-content:space-between;height:150px}
.logo{display:flex;align-items:center;gap:14px}.site-name{font-size:34px;font-weight:bold;color:#fff;letter-spacing:4px;text-shadow:0 2px 4px rgba(0,0,0,.3)}
.search input{width:220px;padding:7px;border:0;border-radius:3px 0 0 3px}.search button{padding:7px 14px;border:0;background:${accent};color:${primary};border-radius:0 3px 3px 0}
.sr{position:absolute;left:-9999px}
.nav{background:${primary}}.menu{list-style:none;margin:0;padding:0;display:flex}.menu>li{position:relative}.menu>li>a{display:block;padding:0 22px;line-height:46px;color:#fff;font-size:16px}
.menu .sub{display:none;position:absolute;background:#fff;list-style:none;padding:6px 0;margin:0;min-width:150px;box-shadow:0 2px 6px rgba(0,0,0,.2);z-index:9}.menu li:hover .sub{display:block}.sub a{display:block;padding:4px 14px}
.crumb{line-height:40px;color:#666}.crumb a,.article .info a{text-decoration:underline}
.main{padding:14px 0;background:#fff;min-height:400px}
.home{display:grid;grid-template-columns:560px 1fr;gap:20px}.hero img{display:block;background:#ddd}.hero h2{font-size:18px;margin:8px 0}.hero p{color:#666}.home .quick{flex-direction:column;justify-content:flex-start}.home .quick a{flex:none}
.blocks{display:grid;grid-template-columns:1fr 1fr;gap:16px}.home .blocks{grid-column:1/3}
.block{border:1px solid #e3e3e3}.block-head{display:flex;justify-content:space-between;align-items:center;border-bottom:2px solid ${primary};background:${accent};padding:0 10px}.block-head h2{font-size:16px;margin:0;line-height:38px;color:${primary}}
.block ul,.list{list-style:none;margin:0;padding:6px 10px}.block li,.list li{display:flex;justify-content:space-between;border-bottom:1px dashed #e5e5e5;line-height:34px}.block li a,.list li a{overflow:hidden;white-space:nowrap;text-overflow:ellipsis;max-width:80%}
.date{color:#666}.no-data{padding:30px;text-align:center;color:#666}
table.list td{border-bottom:1px dashed #e5e5e5;line-height:34px}table.list td.date{text-align:right}
.cards .card{border-bottom:1px solid #eee;padding:8px 0}.cards h3{font-size:16px;margin:0}.cards p{margin:4px 0;color:#666}.cards em{color:#666;font-style:normal}
.quick{display:flex;gap:12px;flex-wrap:wrap;margin:10px 0}.quick a{flex:1;min-width:140px;text-align:center;background:${primary};color:#fff;line-height:56px;font-size:16px;border-radius:4px}
.nav-home .welcome{text-align:center;color:${primary};font-size:26px}.tiles{display:grid;grid-template-columns:repeat(4,1fr);gap:16px;margin:20px 0}.tile{background:${accent};border:1px solid ${primary};text-align:center;padding:34px 0;font-size:20px;color:${primary}}.tile .icon{display:block;margin:0 auto 10px;width:56px;height:56px;line-height:56px;border-radius:50%;background:${primary};color:#fff}
.cols{display:grid;grid-template-columns:220px 1fr;gap:20px}.side h2{background:${primary};color:#fff;margin:0;font-size:17px;line-height:46px;text-align:center}.side ul{list-style:none;margin:0;padding:0;border:1px solid #e3e3e3}.side li a{display:block;line-height:40px;padding-left:24px;border-bottom:1px solid #eee}.side li.on a{background:${accent};color:${primary}}
.column-title{font-size:18px;border-bottom:2px solid ${primary};padding-bottom:6px;color:${primary}}
.page,.pager{text-align:center;margin:16px 0}.page a,.pager a,.pager span{margin:0 3px;padding:2px 8px;border:1px solid #ddd}
.article h1{text-align:center;font-size:24px;color:#222}.article .info{text-align:center;color:#666;border-bottom:1px solid #e5e5e5;padding-bottom:10px}.article .info span{margin:0 10px}.article .text{font-size:16px;line-height:2}.article .text p{text-indent:2em}.pic{text-align:center}.pic img{background:#ddd}
.doc-info{width:100%;border:1px solid #ddd;background:#fafafa;margin-bottom:14px}.doc-info th{text-align:right;width:90px;color:#555}
table.catalogue,table.letters,table.guide,table.letter,table.stats{border-collapse:collapse}table.catalogue td,table.catalogue th,table.letters td,table.letters th,table.guide td,table.guide th,table.letter td,table.letter th,table.stats td,table.stats th{border:1px solid #ddd;padding:6px}table.catalogue th,table.letters th,table.guide th,table.letter th{background:${accent}}
.fdzd{display:grid;grid-template-columns:repeat(4,1fr);gap:10px}.fdzd a{border:1px solid #ddd;padding:12px;text-align:center;background:#fafafa}
.links{border-top:1px solid #eee;margin-top:16px}.links a,.links img{margin-right:16px;vertical-align:middle}
.btn{display:inline-block;background:${primary};color:#fff;padding:8px 26px;border-radius:3px}
.footer{background:${p.accessibility.lowContrastFooter ? '#eeeeee' : '#333'};color:${p.accessibility.lowContrastFooter ? '#c4c4c4' : '#ddd'};text-align:center;font-size:13px;padding:16px 0;margin-top:20px}.footer a{color:inherit}.footer .badge{float:left}
#assist-toolbar{position:fixed;top:0;left:0;right:0;background:#222;color:#fff;z-index:99;padding:6px;text-align:center}#assist-toolbar button{margin:0 4px;font-size:15px}
body.legacy{font-family:SimSun,"Noto Serif CJK SC",serif;font-size:12px}body.legacy .header{height:120px}
@media (max-width:760px){.home,.blocks,.cols{grid-template-columns:minmax(0,1fr)}.hero img{max-width:100%;height:auto}.menu{flex-wrap:wrap}.tiles{grid-template-columns:1fr 1fr}.header .wrap{flex-direction:column;height:auto}.site-name{font-size:22px}}
`;
}

const commonJs = `(function(){
  function pad(n){return n<10?'0'+n:''+n}
  document.addEventListener('DOMContentLoaded',function(){var t=document.getElementById('today');if(t){var d=new Date();t.textContent=d.getFullYear()+'\\u5e74'+(d.getMonth()+1)+'\\u6708'+d.getDate()+'\\u65e5';}});
  window.doZoom=function(size){var t=document.querySelector('.article .text');if(t)t.style.fontSize=size+'px';};
  window.govAssist=function(mode){var s=document.createElement('script');s.src='/assist/toolbar.js';s.setAttribute('data-mode',mode||'');document.body.appendChild(s);};
  // TRS-style pager: page 0 is index.html, page n is index_n.html.
  window.createPageHTML=function(total,current,name,ext){
    if(total<=1)return;
    var html='<span>\\u5171'+total+'\\u9875</span>';
    function link(i,text){var href=i===0?name+'.'+ext:name+'_'+i+'.'+ext;return i===current?'<span>'+text+'</span>':'<a href="'+href+'">'+text+'</a>';}
    html+=link(0,'\\u9996\\u9875');
    if(current>0)html+=link(current-1,'\\u4e0a\\u4e00\\u9875');
    for(var i=0;i<total;i++)html+=link(i,String(i+1));
    if(current<total-1)html+=link(current+1,'\\u4e0b\\u4e00\\u9875');
    html+=link(total-1,'\\u5c3e\\u9875');
    document.write(html);
  };
  // Hanweb-style list: records come from the data proxy as XML with CDATA rows; paging by script.
  window.hanwebList=function(opt){
    var box=document.getElementById(opt.container);
    function load(page){
      var start=(page-1)*opt.perpage+1,end=page*opt.perpage;
      var xhr=new XMLHttpRequest();
      xhr.open('POST','/module/web/jpage/dataproxy.jsp?startrecord='+start+'&endrecord='+end+'&perpage='+opt.perpage);
      xhr.setRequestHeader('Content-Type','application/x-www-form-urlencoded');
      xhr.onload=function(){
        var doc=xhr.responseXML,records=doc.getElementsByTagName('record'),total=+doc.getElementsByTagName('totalrecord')[0].textContent;
        var w=opt.wrap||['<ul class="list">','</ul>'],n=opt.split||records.length;
        if(total===0){box.innerHTML=opt.placeholder?'<div class="no-data">'+opt.placeholder+'</div>':w[0]+w[1];return;}
        var rows='';for(var i=0;i<records.length;i++)rows+=(i%n===0?(i?w[1]:'')+w[0]:'')+records[i].textContent;rows+=w[1];
        var pages=Math.ceil(total/opt.perpage),pager='<div class="default_pgPanel pager"><span>\\u5171'+total+'\\u6761</span>';
        if(page>1)pager+='<a href="javascript:;" data-page="'+(page-1)+'">\\u4e0a\\u4e00\\u9875</a>';
        pager+='<span class="default_pgCurrentPage">'+page+'/'+pages+'</span>';
        if(page<pages)pager+='<a href="javascript:;" data-page="'+(page+1)+'">\\u4e0b\\u4e00\\u9875</a>';
        box.innerHTML=rows+pager+'</div>';
        var links=box.querySelectorAll('a[data-page]');
        for(var j=0;j<links.length;j++)links[j].onclick=function(){load(+this.getAttribute('data-page'));return false;};
      };
      xhr.send('col=1&appid=1&webid=1&path=%2F&columnid='+opt.columnid+'&sourceContentType=1&permissiontype=0');
    }
    load(1);
  };
  // 信息公开目录: JSON API rendered into the table.
  window.catalogueTable=function(opt){
    var body=document.getElementById('catalogue-rows'),pager=document.getElementById('catalogue-pager');
    function esc(s){return String(s).replace(/[&<>"]/g,function(c){return{'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c];});}
    function load(page){
      fetch('/api/xxgk/list?column='+opt.column+'&page='+page+'&size='+opt.size).then(function(r){return r.json();}).then(function(res){
        var d=res.data,rows='';
        d.records.forEach(function(r){rows+='<tr><td>'+esc(r.indexNo)+'</td><td>'+esc(r.category)+'</td><td>'+esc(r.publisher)+'</td><td>'+esc(r.docNo)+'</td><td><a href="'+esc(r.url)+'">'+esc(r.title)+'</a></td><td>'+esc(r.writtenDate)+'</td><td>'+esc(r.publishDate)+'</td><td>'+esc(r.validity)+'</td></tr>';});
        body.innerHTML=rows||'<tr><td colspan="8">\\u6682\\u65e0\\u4fe1\\u606f</td></tr>';
        var pages=Math.ceil(d.total/d.size),p='';
        for(var i=1;i<=pages;i++)p+='<button type="button" data-page="'+i+'"'+(i===page?' disabled':'')+'>'+i+'</button>';
        pager.innerHTML=p;
        Array.prototype.forEach.call(pager.querySelectorAll('button'),function(b){b.onclick=function(){load(+b.getAttribute('data-page'));};});
      });
    }
    load(1);
  };
})();
`;

const toolbarJs = `(function(){
  if(document.getElementById('assist-toolbar'))return;
  var bar=document.createElement('div');bar.id='assist-toolbar';bar.setAttribute('role','toolbar');bar.setAttribute('aria-label','\\u65e0\\u969c\\u788d\\u5de5\\u5177\\u6761');
  ['\\u653e\\u5927','\\u7f29\\u5c0f','\\u9ad8\\u5bf9\\u6bd4\\u5ea6','\\u5927\\u9f20\\u6807','\\u6307\\u8bfb','\\u8f85\\u52a9\\u7ebf','\\u9000\\u51fa'].forEach(function(t){var b=document.createElement('button');b.type='button';b.textContent=t;bar.appendChild(b);});
  document.body.appendChild(bar);
  var z=1;bar.children[0].onclick=function(){z+=0.1;document.body.style.zoom=z;};bar.children[1].onclick=function(){z=Math.max(1,z-0.1);document.body.style.zoom=z;};
  bar.children[2].onclick=function(){document.body.style.filter=document.body.style.filter?'':'contrast(1.6) grayscale(1)';};
  bar.children[6].onclick=function(){bar.remove();document.body.style.zoom=1;document.body.style.filter='';};
})();
`;

function bannerSvg(p: Portal): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1920" height="150" viewBox="0 0 1920 150"><defs><linearGradient id="g" x1="0" x2="1"><stop offset="0" stop-color="${p.theme.banner}"/><stop offset="1" stop-color="${p.theme.primary}"/></linearGradient></defs><rect width="1920" height="150" fill="url(#g)"/><g fill="#fff" opacity=".12"><path d="M1200 150 L1300 60 L1380 110 L1480 30 L1600 120 L1700 70 L1920 150Z"/><circle cx="1650" cy="40" r="26"/><rect x="1250" y="90" width="30" height="60"/><rect x="1290" y="70" width="24" height="80"/><rect x="1330" y="100" width="40" height="50"/></g></svg>`;
}

function logoSvg(p: Portal): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64"><circle cx="32" cy="32" r="30" fill="#f6c945" stroke="#fff" stroke-width="3"/><circle cx="32" cy="32" r="20" fill="${p.theme.primary}"/><path d="M32 16 L36 28 L48 28 L38 35 L42 47 L32 40 L22 47 L26 35 L16 28 L28 28Z" fill="#f6c945"/></svg>`;
}

const badgeSvg = `<svg xmlns="http://www.w3.org/2000/svg" width="46" height="56" viewBox="0 0 46 56"><path d="M23 2 L44 10 V30 C44 42 34 50 23 54 C12 50 2 42 2 30 V10Z" fill="#d7000f"/><text x="23" y="26" font-size="9" fill="#fff" text-anchor="middle">党政</text><text x="23" y="38" font-size="9" fill="#fff" text-anchor="middle">机关</text></svg>`;

function pictureSvg(color: string, w: number, h: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><rect width="${w}" height="${h}" fill="${color}"/><circle cx="${w * 0.75}" cy="${h * 0.3}" r="${h * 0.12}" fill="#fff" opacity=".5"/><path d="M0 ${h} L${w * 0.35} ${h * 0.45} L${w * 0.6} ${h * 0.75} L${w * 0.8} ${h * 0.55} L${w} ${h}Z" fill="#fff" opacity=".35"/></svg>`;
}
