import { createRequire } from 'node:module';

import type { PageCheckId } from '../evaluators/collect/page-checks.js';

/**
 * 整改方法: what a site's web team does about each accessibility finding, per axe-core rule id and per
 * browser check id (evaluators/collect/page-checks.ts), written for the templates and components
 * government sites are built from. Data only: add a rule by adding a line. A rule without an entry gets
 * the generic text (`fixFor`), which points to the rule's own help text and axe-core's page on it.
 */
export const axeRuleFixes: Readonly<Record<string, string>> = {
  'image-alt':
    '为每个有意义的 <img> 添加 alt 属性，写明图片传达的信息（如轮播图写新闻标题、图标写其功能）；纯装饰图片写 alt=""。在模板和内容管理系统的图片上传处设置“替代文本”必填项。',
  'input-image-alt': '图片按钮 <input type="image"> 添加 alt，写明按钮的作用（如“搜索”“提交”）。',
  'area-alt': '图片热区 <area> 逐个添加 alt，写明点击后去往哪里。',
  'role-img-alt': '带 role="img" 的元素用 aria-label 或 aria-labelledby 写明图片内容。',
  'svg-img-alt': '作为图片使用的 <svg> 加 <title> 子元素或 aria-label；纯装饰的加 aria-hidden="true"。',
  'object-alt': '<object> 嵌入的内容在标签内提供替代文字，或用 aria-label 说明其内容。',
  'image-redundant-alt': 'alt 不要重复图片旁已有的文字（如链接文字），改为补充信息或在装饰情形下写 alt=""。',
  'link-name': '每个链接都要有可读的名称：图片链接给图片写 alt，图标链接加 aria-label（如“微博”“返回顶部”）或视觉隐藏的文字；删除空链接。',
  'button-name': '按钮要有文字：<button> 内写明作用；只有图标的按钮加 aria-label（如“搜索”“关闭”）。',
  'input-button-name': '<input type="button|submit|reset"> 用 value 写明按钮作用，不要留空。',
  label:
    '每个输入框、下拉框都用 <label for="控件id"> 关联可见的标签文字，或用 aria-labelledby 指向可见文字；不要只靠 placeholder 或 title。搜索框也要有标签（可视觉隐藏）。',
  'select-name': '下拉框用 <label for> 关联标签，或加 aria-label 写明选择的内容（如“选择部门”）。',
  'label-title-only': '不要只用 title 属性作标签，改用可见的 <label>。',
  'form-field-multiple-labels': '一个控件只关联一个 <label>；多余的说明改用 aria-describedby。',
  'autocomplete-valid': 'autocomplete 属性使用标准值（如 name、tel、email），或删除错误的值。',
  'color-contrast':
    '文字与背景的对比度：正文至少 4.5:1，大字（18pt 或 14pt 加粗）至少 3:1。在模板的样式表中加深文字颜色或改背景色（常见是浅灰字、白底上的浅色链接、彩色背景上的白字）；图片上的文字加深色底。用对比度工具核对后再改。',
  'link-in-text-block': '正文中的链接除颜色外还要有下划线等其他区分，或与周围文字的对比度至少 3:1。',
  'html-has-lang': '模板的 <html> 标签加 lang="zh-CN"。',
  'html-lang-valid': 'lang 使用合法的语言代码，中文页面写 lang="zh-CN"。',
  'html-xml-lang-mismatch': 'lang 与 xml:lang 写成同一种语言，或删除 xml:lang。',
  'valid-lang': '局部外文用合法的语言代码标注（如英文 lang="en"）。',
  'document-title': '每个页面的 <title> 写明本页内容，格式如“文章标题_栏目名_网站名称”，由模板按页面生成。',
  'frame-title': '每个 <iframe> 加 title 说明其内容（如“地图”“视频播放”“在线客服”）；不显示内容的 iframe 加 aria-hidden="true" 和 tabindex="-1"。',
  'frame-title-unique': '同一页面中各 <iframe> 的 title 互不相同，分别写明各自内容。',
  'frame-focusable-content': 'tabindex="-1" 的 iframe 内不要有可获得焦点的内容，或去掉 tabindex="-1"。',
  'heading-order': '标题级别逐级使用：h1 下是 h2，h2 下是 h3，不要跳级；字号大小用样式控制，不要按字号选择标题级别。',
  'page-has-heading-one': '每页用一个 <h1> 标明页面主题（首页可为网站名称，文章页为文章标题）。',
  'empty-heading': '删除空的标题标签，或在其中写入标题文字；只为样式使用的改用 <div>。',
  'p-as-heading': '用 <h2>～<h6> 标记小标题，不要用加粗的 <p> 代替。',
  region: '页面的所有内容都放进地标区域：页头 <header>、导航 <nav>、正文 <main>、页脚 <footer>（或相应的 role）。在模板的框架中加这几个容器即可覆盖全站。',
  'landmark-one-main': '每页用且只用一个 <main>（或 role="main"）包住正文内容。',
  'landmark-no-duplicate-main': '每页只保留一个 <main>。',
  'landmark-no-duplicate-banner': '每页只保留一个页头 <header>（role="banner"），其他区块的头部不要用顶层 <header>。',
  'landmark-no-duplicate-contentinfo': '每页只保留一个页脚 <footer>（role="contentinfo"）。',
  'landmark-unique': '同类地标有多个时（如两个 <nav>），用 aria-label 分别命名（如“主导航”“栏目导航”）。',
  'landmark-banner-is-top-level': '页头 <header> 不要嵌在其他地标内部。',
  'landmark-contentinfo-is-top-level': '页脚 <footer> 不要嵌在其他地标内部。',
  'landmark-main-is-top-level': '<main> 不要嵌在其他地标内部。',
  'landmark-complementary-is-top-level': '侧栏 <aside> 不要嵌在其他地标内部。',
  list: '<ul>/<ol> 的直接子元素只能是 <li>：把直接放在列表里的 <div>、<a>、<span> 包进 <li>。',
  listitem: '<li> 必须放在 <ul> 或 <ol> 中；不是列表的内容改用 <div>。',
  'definition-list': '<dl> 中只放 <dt> 和 <dd>（可用 <div> 分组）。',
  dlitem: '<dt>、<dd> 必须放在 <dl> 中。',
  'duplicate-id': '同一页面中 id 不得重复：模板中重复输出的组件（如页头和页脚的两个搜索框）用不同的 id。',
  'duplicate-id-active': '可获得焦点的元素 id 不得重复，改为各不相同的 id。',
  'duplicate-id-aria': '被 label、aria-labelledby 等引用的 id 必须唯一，否则读屏软件读出错误的名称。',
  'aria-allowed-attr': '删除该元素角色不支持的 aria-* 属性，或改用正确的角色。',
  'aria-required-attr': '补齐该角色必需的属性（如 role="checkbox" 需 aria-checked，role="slider" 需 aria-valuenow）。',
  'aria-valid-attr': '更正拼写错误的 aria-* 属性名（如 aria-lable 应为 aria-label）。',
  'aria-valid-attr-value': '更正 aria-* 属性的值：取值须合法，aria-labelledby、aria-controls 等引用的 id 必须存在于页面中。',
  'aria-roles': 'role 使用合法的 WAI-ARIA 角色名，删除自造或拼错的角色。',
  'aria-allowed-role': '删除与元素本身语义冲突的 role（如 <a role="button"> 能用 <button> 时就用 <button>）。',
  'aria-hidden-focus':
    'aria-hidden="true" 的区域内不能有可获得焦点的链接、按钮：去掉 aria-hidden，或给其中的元素加 tabindex="-1"（轮播图的隐藏页常见此问题）。',
  'aria-hidden-body': '删除 <body> 上的 aria-hidden="true"。',
  'aria-required-children': '补齐该角色必需的子元素（如 role="list" 下要有 role="listitem"，role="tablist" 下要有 role="tab"）。',
  'aria-required-parent': '把该元素放进其角色要求的父元素中（如 role="tab" 放在 role="tablist" 中）。',
  'aria-command-name': '带 role="button"、role="link"、role="menuitem" 的元素要有可读名称（文字或 aria-label）。',
  'aria-input-field-name': '带输入角色（如 role="combobox"、role="textbox"）的元素用 aria-label 或 aria-labelledby 命名。',
  'aria-toggle-field-name': '开关类角色（role="checkbox"、role="switch" 等）要有可读名称。',
  'aria-progressbar-name': '进度条用 aria-label 或 aria-labelledby 命名。',
  'aria-tooltip-name': 'role="tooltip" 的元素要有文字内容。',
  'aria-dialog-name': '对话框（role="dialog"）用 aria-labelledby 指向其标题。',
  'aria-prohibited-attr': '删除该角色禁止使用的 aria-label 等属性，把文字直接写进元素。',
  'nested-interactive': '不要在链接或按钮内部嵌套其他链接、按钮或输入框，拆成并列的控件。',
  'presentation-role-conflict': '带 role="presentation"/"none" 的元素不要再加全局 aria 属性或 tabindex。',
  'meta-viewport': '<meta name="viewport"> 中删除 user-scalable=no，maximum-scale 不小于 2（最好不写），允许用户放大页面。',
  'meta-viewport-large': '<meta name="viewport"> 允许放大到至少 5 倍：删除 maximum-scale 限制。',
  'meta-refresh': '不要用 <meta http-equiv="refresh"> 定时刷新或跳转；需要跳转的改用服务器端重定向。',
  bypass: '在页面最前面加“跳到正文”链接（指向正文容器的 id），并用 <main> 包住正文、用标题标记各区块。',
  'skip-link': '“跳到正文”等页内链接指向的 id 必须存在，且目标元素可见。',
  tabindex: '不要使用大于 0 的 tabindex，按源码顺序安排 Tab 顺序；需要获得焦点的用 tabindex="0"。',
  'scrollable-region-focusable': '可滚动的区域（如公告滚动框、宽表格容器）加 tabindex="0" 和名称，使键盘用户能滚动查看。',
  accesskeys: '每个 accesskey 的取值在页面中唯一，并避免与浏览器快捷键冲突。',
  'td-headers-attr': '单元格的 headers 属性只能引用同一表格中表头单元格的 id。',
  'th-has-data-cells': '每个 <th> 都要对应数据单元格；用作排版的表格不要使用 <th>。',
  'td-has-header': '大型数据表格的单元格要有表头：第一行或第一列用 <th scope="col|row">。',
  'scope-attr-valid': 'scope 只用在 <th> 上，取值为 row、col、rowgroup 或 colgroup。',
  'table-duplicate-name': '表格的 <caption> 和 summary 不要写成相同的文字。',
  'table-fake-caption': '表格标题用 <caption>，不要用合并单元格的首行代替。',
  'empty-table-header': '表头单元格 <th> 要有文字；不是表头的改用 <td>。',
  marquee: '删除 <marquee> 滚动文字，改为静态内容或提供暂停按钮的滚动组件。',
  blink: '删除 <blink> 闪烁文字。',
  'video-caption': '为视频提供同步字幕（<track kind="captions">），新闻发布会等视频尤其需要。',
  'audio-caption': '为音频提供文字稿或字幕。',
  'no-autoplay-audio': '不要自动播放超过 3 秒的声音；必须自动播放时提供暂停或静音按钮。',
  'server-side-image-map': '用客户端热区 <map>/<area> 或普通链接代替服务器端图片地图。',
  'avoid-inline-spacing': '不要在 style 属性中用 !important 固定行距、字间距，以便用户调整文本间距。',
  'css-orientation-lock': '不要用样式锁定横屏或竖屏显示，页面在两种方向下都应可用。',
  'label-content-name-mismatch': '控件的 aria-label 要包含其可见文字（如按钮显示“搜索”，aria-label 应以“搜索”开头）。',
  'target-size': '可点击目标至少 24×24 CSS 像素，或与相邻目标留足间距。',
  'focus-order-semantics': '可获得焦点的元素要有合适的角色（如用 <button> 而非带 tabindex 的 <div>）。',
  'identical-links-same-purpose': '文字相同的链接应指向同一目标；目标不同时写出区别（如“更多”写成“更多通知公告”）。',
  'color-contrast-enhanced': '（AAA 级建议）正文对比度提高到 7:1，大字 4.5:1。',
};

/** The browser checks (evaluators/collect/page-checks.ts) by id. */
export const pageCheckFixes: Readonly<Record<PageCheckId, string>> = {
  'keyboard-trap':
    '检查弹窗、轮播、嵌入的地图、视频和编辑器等组件：用 Tab 和 Shift+Tab 必须能离开；不要在键盘事件中拦截 Tab 键；弹窗关闭后把焦点放回打开它的按钮。',
  'mouse-only':
    '可点击的元素改用 <a href> 或 <button>；必须用 <div>/<span> 时加 tabindex="0" 和相应的 role，并在按下回车、空格时执行同样的操作；下拉菜单在获得焦点时也要展开（不只响应鼠标悬停）。',
  'focus-not-visible':
    '删除样式表中的 outline:none / outline:0（常见于 a、button、input 的全局重置）；需要自定义时用 :focus-visible 设置明显的轮廓（如 2px 实线，与背景对比度不低于 3:1）。',
  'hidden-content-focused':
    '弹窗前后的焦点哨兵（放在 aria-hidden="true" 中的链接或 tabindex="0" 元素）要在获得焦点时立即把焦点移回弹窗内，弹窗关闭或脚本失效时一并删除或设 tabindex="-1"；aria-hidden="true" 的区域中不要留可用 Tab 键到达的链接、按钮，需要操作的内容不要设 aria-hidden。',
  reflow:
    '改为响应式布局：去掉页面和容器的固定像素宽度（如 width:1200px），改用 max-width 和百分比；窄屏时用媒体查询把多栏改为单栏；图片设 max-width:100%；宽表格放在可横向滚动的容器中。',
  'object-without-name':
    '给嵌入图片、音频、视频的 <object> 加 aria-label 或 title 写明其内容（如 aria-label="2026年政府工作报告解读图"）；<object> 内的 <img alt> 等替代内容只在资源加载失败时显示，不能代替名称。纯装饰的加 role="presentation"。',
  'page-zoom':
    '检查窄屏媒体查询（如 @media (max-width: 640px)）中给含文字的容器设的固定高度、固定宽度和 overflow:hidden：改用 min-height 或自动高度，让文字在窄屏排版时完整显示；确需单行截断的标题用 white-space:nowrap 加 text-overflow:ellipsis。用浏览器把整页放大到 200%（或把窗口缩到一半宽）核对。',
  'text-zoom':
    '包含文字的容器不要用固定高度（或固定宽度）加 overflow:hidden：改用 min-height，或让高度随内容自动增长；尺寸和行高用 em、rem 等相对单位，使容器随文字放大；确需截断的单行标题用 text-overflow:ellipsis 并在链接或 title 中提供完整文字。用浏览器把文字放大到 200% 核对。',
  bypass: '在每页最前面加“跳到正文”链接（指向正文容器的 id，获得焦点时显示），并用 <main> 包住正文、<nav> 包住导航，各区块用标题标记。',
  'page-language': '模板的 <html> 标签按正文语言写 lang：中文页面写 lang="zh-CN"（不要沿用模板自带的 lang="en"）；英文版网站写 lang="en"。',
  'page-title': '每页的 <title> 写明本页内容，格式如“文章标题_栏目名_网站名称”：栏目页和文章页的标题由模板按页面生成，不要全站使用同一个标题或只写网站名称。',
  'group-without-name':
    '单选、复选按钮组用 <fieldset> 包住，并用 <legend> 写出这组选项的问题（如“办理方式”）；或给容器加 role="radiogroup"/"group" 和 aria-labelledby。',
  'placeholder-only': '为每个输入框加可见的 <label>（或至少 aria-label）；占位文字只作示例，输入后会消失，不能代替标签。',
  'change-on-focus': '控件获得焦点时不要跳转、提交或弹出新窗口；改为用户点击或按回车后再执行。',
  'change-on-input': '选择或输入后不要立即跳转或提交（常见于“友情链接”“部门网站”下拉框）：加一个“前往”或“确定”按钮，或在控件前说明选择后将打开新页面。',
  'new-window': '（建议项）在新窗口打开的链接在文字或图标中注明“新窗口打开”，或改为在当前窗口打开。',
  'moving-content':
    '轮播图、滚动公告、滚动新闻等自动移动或自动更新的内容，在旁边提供带文字名称的“暂停/播放”按钮（<button>，可用键盘操作），按下后停止移动、再按继续；飘窗提供可用键盘操作的“关闭”按钮；能不滚动的公告改为静态列表。不要使用 <marquee>；只在鼠标悬停时暂停不够，键盘用户和不用鼠标指着它的用户仍无法让它停下。',
  'audio-autoplay':
    '不要自动播放有声音的音频、视频（宣传片、背景音乐）：去掉 autoplay，由用户点击播放；确需自动播放时加 muted 静音播放，或在页面最前面提供带文字名称的“暂停”“静音”按钮，并保留播放器的 controls 控件。',
  'frame-out-of-tab-order':
    '去掉 iframe 上的 tabindex="-1"（框架中有可操作的内容时），让键盘用户能用 Tab 键进入框架；确实不需要操作的框架，把其中的链接、按钮也移出键盘顺序或去掉。',
  'line-height-locked':
    '不要在 style 属性中用 !important 固定行高；正文行高设为字号的 1.5 倍以上（如 line-height:1.5），用相对值，让用户样式表能调大行距、字距。',
  'motion-actuation': '靠倾斜、摇动设备完成的操作，同时提供按钮等普通控件完成同样的操作，并提供关闭体感操作的开关（如“关闭摇一摇”复选框），避免误触发。',
  'motion-only': '体感操作能完成的功能，同时提供按钮、滑块等普通控件完成（如“增加”“减少”按钮），让无法倾斜、摇动设备的用户也能操作。',
  'header-without-cells':
    '表头要与数据对应：删去多余的表头单元格，或补上它所在列（行）的数据单元格；数据单元格用 headers 属性指定表头时，要列出它所属的全部表头 id；只用于排版的表格不要用 th，并加 role="presentation"。',
  'repeated-id':
    '同一页面中每个 id 只用一次：模板中重复输出的区块（列表项、轮播、弹窗）改用 class 或加序号生成不同的 id；label 的 for、aria-labelledby、aria-describedby 引用的 id 尤其不能重复。',
  'duplicate-attribute':
    '每个开始标签中同一属性只写一次（如 alt="" alt="标志" 只保留有内容的一个）；检查模板拼接属性的代码，用 HTML 校验工具（如 W3C Nu Html Checker）核对。',
  'image-name-unhelpful':
    '图片的 alt 写明图片表达的内容（如“2026年政府工作报告图解”），不要写文件名、上传系统生成的编号或“图片”；纯装饰的图片写 alt=""。内容管理系统上传图片时要求填写说明，不以文件名代替。',
  'hidden-image-with-alt':
    '确认图片是否只是装饰：是则写 alt="" 并可保留 aria-hidden；图片传达信息（标志、图表、图解）时去掉 aria-hidden，让读屏软件读出替代文字。',
  'link-name-generic':
    '链接文字写明去向，如“更多通知公告”“查看《关于……的通知》全文”；保留“更多”样式时用 aria-label 或放在栏目标题（h2、h3）下方，使读屏用户能知道链接目的。',
  'identical-links-differ': '指向不同记录的链接用不同的文字，如在“详情”“下载”后写出对应的事项或文件名称，或用 aria-label 补充区别。',
  'image-of-text':
    '图片中的文字改用网页文字（HTML 文本加 CSS 样式）显示，如按钮、标题、通知中的文字；SVG 图像直接写在网页中（内联 svg）时其文字可放大、选中；标志中的文字不在此列。',
  'identical-frames-differ': '每个框架的 title（或 aria-label）写明其中的具体内容，如“办事指南：居住证办理”“办事指南：社保卡申领”；内容相同的框架才可同名。',
  'video-without-captions':
    '为有声音的视频加同步字幕（<track kind="captions" src="….vtt" srclang="zh">，或把字幕压进画面），并在视频旁提供文字稿链接；新闻发布会、政策解读视频尤其需要。',
  'audio-without-transcript': '在音频旁提供完整的文字稿（或“文字实录”链接），内容与音频一致。',
  'video-description-track-only':
    '描述轨道（track kind="descriptions"）不能代替音频描述：另行提供带解说的视频版本（把画面中的重要信息读出来），或在视频旁提供包含画面内容的完整文字稿。',
  'label-not-distinct':
    '标签写明各自要填的内容，如“申请人姓名”“代理人姓名”；或把每组输入框放进带 <legend> 的 <fieldset>（如“申请人信息”“代理人信息”），分组名称要在页面上可见。',
  'label-name-generic': '标签写明该填写的内容，如“姓名”“联系电话”“关键词”；不要用“菜单”“提交”等界面用语，也不要用旁边按钮的文字作输入框的标签。',
  'title-unrelated': '网页标题写明本页内容，建议格式为“文章或栏目名称_网站名称”；模板默认标题（如“无标题文档”“Document”）和从其他页面复制的标题要随内容修改。',
  'element-language': '按这部分文字的实际语言写 lang：中文写 lang="zh-CN"，英文写 lang="en"；从其他页面或模板复制来的 lang 属性要随内容修改或删除。',
  'character-shortcut': '单个字符的快捷键改为与 Ctrl、Alt 等组合键配合使用，或只在相关控件获得焦点时生效；保留时在页面上提供关闭或重新设置快捷键的开关。',
  'text-contrast-background':
    '渐变背景上的文字，在文字所在的整段范围内都要达到对比度要求：调整渐变两端的颜色（浅色背景上用深色字，深色背景上用浅色字），或给文字加一层不透明的底色；半透明的文字颜色改为不透明。用对比度工具分别核对渐变最浅和最深处。',
};

/** The 整改方法 of a finding, and whether it is the generic one (no entry for the rule). */
export interface Fix {
  text: string;
  generic: boolean;
  /** axe-core's page on the rule (the generic text points there); null for our own checks. */
  helpUrl: string | null;
}

const axeVersion = (createRequire(import.meta.url)('axe-core/package.json') as { version: string }).version;
/** Deque's rule pages are per minor version of axe-core (…/rules/axe/4.14/image-alt). */
export const axeRuleUrl = (rule: string): string =>
  `https://dequeuniversity.com/rules/axe/${axeVersion.split('.').slice(0, 2).join('.')}/${encodeURIComponent(rule)}`;

/**
 * The fix for an axe rule or a browser check. `help`: the rule's help text (axe's Chinese locale) or the
 * check's description, which the generic text quotes when the rule has no entry.
 */
export function fixFor(source: 'axe' | 'check', id: string, help: string): Fix {
  // Every check has its fix (the type holds pageCheckFixes to the check list); stored runs may name rules no longer known.
  const fixes: Readonly<Record<string, string>> = source === 'axe' ? axeRuleFixes : pageCheckFixes;
  const own = Object.hasOwn(fixes, id) ? fixes[id] : undefined;
  const helpUrl = source === 'axe' ? axeRuleUrl(id) : null;
  if (own) return { text: own, generic: false, helpUrl };
  const text = help.trim() ? `按规则要求修改：${help.trim().replace(/[。.]$/, '')}。` : '按规则要求修改该元素。';
  return { text: `${text}${source === 'axe' ? '具体做法见该规则的说明页面。' : ''}`, generic: true, helpUrl };
}
