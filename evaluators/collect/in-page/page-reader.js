// Runs inside the crawled page (plain browser JavaScript, no imports): reads the structure of the page
// that the crawler needs — candidate links, "more" links, the main list and its rows, the pager, metas,
// the text around the title. It defines window.__govscoreRead(); the crawler evaluates this file, then
// calls that function.
//
// Nothing here depends on class or id names: real portals use random build hashes, pinyin
// abbreviations or no classes at all, and `left`/`news_left` name layout floats that hold content.
// Page furniture is recognised by semantics (nav/header/footer/aside, ARIA roles) and by structure
// (blocks of short links, rows of one titled link, a line that starts with 当前位置).
(function () {
  var PLACEHOLDER = /((该栏目|本栏目)?暂无(相关)?(信息|数据|内容|记录|文章)|没有(找到)?(相关)?(信息|记录|数据)|无相关(信息|记录))/;
  var MORE = /^\s*(更多|more|更多\s*>+|更多\s*»|>>|更多\s*\+|\+\s*更多|more\s*[>+]+|[>+]\s*more|查看更多|查看全部|更多信息|更多内容|\+)\s*$/i;
  var NEXT = /^\s*(下一页|下页|后一页|下一頁|next|next\s*page|›|»|>|下一页\s*>+)\s*$/i;
  var CRUMB_START = /^\s*(当前位置|您的位置|您现在的位置|你的位置|你现在的位置|所在位置|现在位置|位置)\s*[：:]/;
  /** Longest link text of a navigation link (column and section names); longer texts are items. */
  var NAV_TEXT_MAX = 14;

  function text(el) {
    return (el.innerText || el.textContent || '').replace(/\s+/g, ' ').trim();
  }

  /** Header, footer, navigation and complementary regions by tag or role. A <header> inside an article or main is the article's own. */
  function isFurniture(el) {
    for (var e = el; e && e !== document.body && e.nodeType === 1; e = e.parentElement) {
      var tag = e.tagName.toLowerCase();
      if (tag === 'nav' || tag === 'aside') return true;
      if ((tag === 'header' || tag === 'footer') && !e.closest('article, main')) return true;
      var role = e.getAttribute('role');
      if (role === 'navigation' || role === 'banner' || role === 'contentinfo' || role === 'complementary') return true;
    }
    return false;
  }

  /** A short block carrying the site's registration lines (备案号, 标识码, 版权) is the footer, whatever its tags. */
  function isRegistrationBlock(el) {
    var t = text(el);
    return t.length <= 600 && /ICP备|ICP证|公网安备|网站标识码|版权所有/.test(t);
  }

  /** The URL a script link opens: javascript:location.href='…', window.open('…'), onclick="location='…'". */
  function urlInScript(code) {
    if (!code) return null;
    var m = /(?:location(?:\.href)?\s*=|location\.(?:assign|replace)\s*\(|(?:window\.)?open\s*\(|navigate\s*\(|href\s*=)\s*['"]([^'"]+)['"]/i.exec(code);
    var target = m ? m[1] : null;
    if (!target) {
      // A helper of the site's own taking the address: goUrl('/zwgk/index.html').
      var any = /['"]((?:https?:\/\/|\/|\.\.?\/)[^'"\s]*|[^'"\s]+\.(?:s?html?|asp|aspx|jsp|php)(?:\?[^'"\s]*)?)['"]/i.exec(code);
      target = any ? any[1] : null;
    }
    if (!target || /^\s*(javascript:|#|mailto:|tel:)/i.test(target)) return null;
    try {
      return new URL(target, document.baseURI).href;
    } catch (_e) {
      return null;
    }
  }

  /** Where a link leads: its href, or the address its script opens; null for in-page and mail links. */
  function linkTarget(a) {
    var raw = a.getAttribute('href');
    if (raw && !/^\s*(javascript|mailto|tel):/i.test(raw) && raw.trim().charAt(0) !== '#') return a.href;
    if (raw && /^\s*javascript:/i.test(raw)) {
      var fromHref = urlInScript(decodeURIComponentSafe(raw));
      if (fromHref) return fromHref;
    }
    return urlInScript(a.getAttribute('onclick'));
  }
  function decodeURIComponentSafe(s) {
    try {
      return decodeURIComponent(s);
    } catch (_e) {
      return s;
    }
  }

  /** A link's name: its text, else its title, else its image's alt or title, else its ARIA label. */
  function linkText(a) {
    var t = text(a);
    if (t) return t;
    var img = a.querySelector('img');
    return ((a.getAttribute('title') || (img && (img.getAttribute('alt') || img.getAttribute('title'))) || a.getAttribute('aria-label') || '') + '')
      .replace(/\s+/g, ' ')
      .trim();
  }

  /** Everything a visitor can follow: links, and other elements whose onclick opens an address. */
  function clickables(root) {
    return Array.prototype.slice.call(root.querySelectorAll('a, [onclick]')).filter(function (el) {
      return el.tagName === 'A' || !el.closest('a');
    });
  }

  function isTitled(a) {
    var t = linkText(a);
    return t.replace(/\s/g, '').length >= 4 && !!linkTarget(a) && !MORE.test(t) && !NEXT.test(t);
  }
  /** A script link (href="javascript:;" opened by the site's own code) that names an item: listed, even if we cannot open it. */
  function isScriptItem(a) {
    var t = linkText(a);
    return a.tagName === 'A' && !linkTarget(a) && /^\s*javascript:/i.test(a.getAttribute('href') || '') && t.replace(/\s/g, '').length >= 8 && !MORE.test(t);
  }
  function rowLinks(el) {
    var links = titledLinks(el);
    return links.length ? links : clickables(el).filter(isScriptItem);
  }
  /** Links that name an item: a title of four or more characters leading elsewhere than home or here. */
  function titledLinks(el) {
    return clickables(el).filter(function (a) {
      if (!isTitled(a)) return false;
      var target = linkTarget(a).split('#')[0];
      return target !== location.origin + '/' && target !== location.href.split('#')[0];
    });
  }

  /** The one link of a dated row whose title is too short to count alone (公 示 2020-12-30). */
  function shortDatedLink(el) {
    var all = el.getElementsByTagName('a');
    if (all.length !== 1 || (el.textContent || '').length > 200) return null;
    var a = all[0];
    var t = linkText(a);
    if (!linkTarget(a) || !t.replace(/\s/g, '') || MORE.test(t) || NEXT.test(t)) return null;
    var rest = text(el);
    return rest.length <= 80 && hasDate(rest.replace(t, '')) ? a : null;
  }

  /** The row's own link is its title: the longest text, not a [类别] tag or a 详情 button before or after it. */
  function titleLink(links) {
    var best = links[0];
    for (var i = 1; i < links.length; i++) if (linkText(links[i]).length > linkText(best).length) best = links[i];
    return best;
  }

  // Lists: a container whose children are rows of one to three titled links, the most of them, outside
  // the page's furniture. A list split over sibling blocks (five rows per <ul>) is one list.
  function findLists() {
    var candidates = document.body.querySelectorAll('*');
    var lists = [];
    for (var i = 0; i < candidates.length; i++) {
      var c = candidates[i];
      var children = c.children;
      if (children.length < 1 || /^(A|SCRIPT|STYLE|SELECT|P|SPAN|H\d)$/.test(c.tagName)) continue;
      var rows = [];
      var tags = {};
      // Spacer rows between the items (an empty <tr> holding a rule image) are not rows the list lacks.
      var filled = 0;
      var shortTitled = [];
      for (var j = 0; j < children.length; j++) {
        // textContent, not innerText: this runs for every child of every element, and innerText lays out.
        if (children[j].tagName === 'A' || /\S/.test(children[j].textContent || '') || children[j].querySelector('a')) filled++;
        var links = rowLinks(children[j]);
        var dated = !links.length && shortDatedLink(children[j]);
        if (dated) shortTitled.push({ el: children[j], link: dated, single: true });
        // A row is a title with a date, a tag or a line of summary: not a whole article around one link.
        if (links.length >= 1 && links.length <= 3 && text(children[j]).length - linkText(titleLink(links)).length <= 160 && !holdsList(children[j])) {
          rows.push({
            el: children[j],
            link: titleLink(links),
            single: links.length === 1 || linkText(titleLink(links)).length >= 2 * otherLinksLength(links),
          });
          tags[children[j].tagName] = (tags[children[j].tagName] || 0) + 1;
        }
      }
      // Rows of a list are alike: keep the most common tag (li, tr, div …).
      var tag = Object.keys(tags).sort(function (x, y) {
        return tags[y] - tags[x];
      })[0];
      // An item titled in a word or two (公示) among three or more titled rows is a row of the list too.
      if (rows.length >= 3)
        rows = rows.concat(shortTitled).sort(function (x, y) {
          return x.el.compareDocumentPosition(y.el) & 4 ? -1 : 1;
        });
      rows = rows.filter(function (r) {
        return r.el.tagName === tag;
      });
      if (rows.length === 0 || rows.length < filled * 0.5) continue;
      // One row is a list only when it is dated (a column with one item), not a logo or a lone link.
      if (rows.length === 1 && !hasDate(rowText(rows[0]).replace(linkText(rows[0].link), ''))) continue;
      if (isFurniture(c) || isRegistrationBlock(c)) continue;
      // A block whose entries include this very page is its menu (a sidebar of sibling sections), not its
      // list; a row's [类别] tag leading to this column does not count.
      var self = c.querySelectorAll('a[href]');
      if (
        Array.prototype.some.call(self, function (a) {
          return samePage(a.href, location.href) && linkText(a).length >= 4 && !/^\s*[\[【(（]/.test(linkText(a));
        })
      )
        continue;
      lists.push({ el: c, rows: rows, tag: tag });
    }
    return mergeSplitLists(lists);
  }
  /** A row's category tag ([卫健要闻], 【通知】): it names the column, not an item. */
  function isTagLink(a) {
    return /^\s*[\[【(（〔][^\]】)）〕]{1,12}[\]】)）〕]\s*$/.test(linkText(a));
  }

  /**
   * The row a link stands in: its li/tr/dd/dt/p, else the largest block around it that holds no other
   * titled link besides category tags (a card: <div><h3><a>[要闻]</a><a>…</a></h3><p>…</p><em>date</em></div>).
   */
  function rowOf(a) {
    var row = a.closest('li, tr, dd, dt, p');
    if (row) return row;
    var items = function (el) {
      return titledLinks(el).filter(function (l) {
        return !isTagLink(l);
      }).length;
    };
    var e = a.parentElement;
    while (e && e.parentElement && e.parentElement !== document.body && items(e.parentElement) <= 1 && text(e.parentElement).length <= 200) e = e.parentElement;
    return e || a;
  }

  /** A page under this page's folder (/xyjs/content_8196.html from /xyjs/list.html): a column's own item. */
  function isBelowHere(target) {
    if (!target) return false;
    var here = new URL(location.href);
    var folder = here.pathname.replace(/[^/]*$/, '');
    var u = new URL(target);
    return folder !== '/' && u.origin === here.origin && u.pathname !== here.pathname && u.pathname.indexOf(folder) === 0;
  }

  /** A URL without its fragment and its folder's index file: /tzgg/ and /tzgg/index.html are one page. */
  function samePage(a, b) {
    var norm = function (u) {
      return u.split('#')[0].replace(/\/(index|default)\.[a-z]+$/i, '/');
    };
    return norm(a) === norm(b);
  }

  /**
   * The link heading a block (<h2><a>在线访谈</a></h2> before its list or its 暂无信息) when it leads to
   * another page: the block previews that column, and this page is a channel page, not the column.
   */
  function headingLinkBefore(el) {
    for (var e = el, up = 0; e && e !== document.body && up < 3; e = e.parentElement, up++) {
      for (var prev = e.previousElementSibling, n = 0; prev && n < 2; prev = prev.previousElementSibling, n++) {
        var links = prev.tagName === 'A' ? [prev] : Array.prototype.slice.call(prev.querySelectorAll('a'));
        if (links.length !== 1 || text(prev).length > 20) continue;
        var target = linkTarget(links[0]);
        var t = linkText(links[0]);
        // A heading made of the link (little else around it), to a page other than this one and home.
        var heading = text(prev).length - t.length <= 4 && t.length >= 2 && t.length <= NAV_TEXT_MAX && !MORE.test(t) && !/首页/.test(t);
        // Or a short heading beside a wordless image link (an arrow or a "more" icon): the block's own link.
        // Not a feed or a file (an RSS icon beside a column's own heading leads to no column).
        var iconBeside =
          !text(links[0]) &&
          links[0].querySelector('img') &&
          (!t || MORE.test(t)) &&
          text(prev).length >= 2 &&
          text(prev).length <= NAV_TEXT_MAX &&
          !/rss|feed|atom|\.(xml|pdf|docx?|xlsx?|zip)(\?|#|$)/i.test(target || '');
        if (target && (heading || iconBeside) && !samePage(target, location.href) && !samePage(target, location.origin + '/')) return target;
      }
    }
    return null;
  }

  /** A block holding a list of its own (a sidebar menu, a pager, a list beside a heading) is not one row. */
  function holdsList(el) {
    var inner = el.querySelectorAll('*');
    for (var i = 0; i < inner.length && i < 300; i++) {
      var withLinks = 0;
      for (var c = inner[i].firstElementChild; c; c = c.nextElementSibling) if (c.tagName === 'A' || c.querySelector('a')) withLinks++;
      if (withLinks >= 3) return true;
    }
    return false;
  }
  function otherLinksLength(links) {
    var best = titleLink(links);
    return (
      links.reduce(function (n, a) {
        return a === best ? n : n + linkText(a).length;
      }, 0) || 0.5
    );
  }

  /** Sibling lists of the same shape (or lists in sibling wrappers of the same shape) as one list. */
  function mergeSplitLists(lists) {
    var byParent = new Map();
    lists.forEach(function (l) {
      [l.el.parentElement, l.el.parentElement && l.el.parentElement.parentElement].forEach(function (p, level) {
        if (!p) return;
        var key = level + ':' + l.el.tagName + '>' + l.tag;
        var group = byParent.get(p) || {};
        (group[key] = group[key] || []).push(l);
        byParent.set(p, group);
      });
    });
    var merged = [];
    byParent.forEach(function (group, parent) {
      Object.keys(group).forEach(function (key) {
        var parts = group[key];
        if (parts.length < 2) return;
        // Only the parts and bare separators between them: 5 + 5 + 5 rows, not blocks each under a heading.
        var wrappers = parts.map(function (p) {
          return key.charAt(0) === '1' ? p.el.parentElement : p.el;
        });
        if (
          key.charAt(0) === '1' &&
          !wrappers.every(function (w, i) {
            return wrapsOnly(w, parts[i].el);
          })
        )
          return;
        // Consecutive: nothing but bare separators between one part and the next (a heading before the
        // first and a pager after the last are the list's own).
        var siblings = Array.prototype.slice.call(parent.children);
        var at = wrappers
          .map(function (w) {
            return siblings.indexOf(w);
          })
          .sort(function (a, b) {
            return a - b;
          });
        for (var k = at[0]; k <= at[at.length - 1]; k++) {
          var child = siblings[k];
          if (wrappers.indexOf(child) < 0 && (child.tagName === 'A' || child.querySelector('a') || text(child).length > 2)) return;
        }
        var rows = [];
        parts.forEach(function (p) {
          rows = rows.concat(p.rows);
        });
        merged.push({ el: parent, rows: rows, tag: parts[0].tag, parts: parts.length });
      });
    });
    return lists.concat(merged);
  }

  /** A wrapper of one part: besides it, only bare spacers (<span class="blank15"></span>), no links, no words. */
  function wrapsOnly(wrapper, part) {
    for (var c = wrapper.firstElementChild; c; c = c.nextElementSibling) {
      if (c !== part && (c.tagName === 'A' || c.querySelector('a') || text(c).length > 2)) return false;
    }
    return true;
  }

  /** Lists of items (three or more article-like rows) that do not contain each other: blocks of a channel page. */
  function separateItemLists(lists) {
    var items = lists.filter(function (l) {
      return l.rows.length >= 3 && listWeight(l) >= 0.6 * l.rows.length;
    });
    items.sort(function (a, b) {
      return b.rows.length - a.rows.length;
    });
    var picked = [];
    items.forEach(function (l) {
      if (
        picked.every(function (p) {
          return !p.el.contains(l.el) && !l.el.contains(p.el);
        })
      )
        picked.push(l);
    });
    return {
      count: picked.length,
      rows: picked.reduce(function (n, l) {
        return n + l.rows.length;
      }, 0),
    };
  }

  /**
   * The rows of item lists that a heading link or a "更多" link heads (a channel page's previews of its
   * columns): the column behind that link lists them, so they are not links to follow to find columns.
   */
  function previewedRows(lists) {
    var rows = [];
    lists.forEach(function (l) {
      if (l.rows.length < 3 || listWeight(l) < 0.6 * l.rows.length) return;
      if (!headingLinkBefore(l.el) && !moreLinkAround(l.el)) return;
      l.rows.forEach(function (r) {
        rows.push(r.link);
      });
    });
    return rows;
  }

  /** A "更多" link in the block around a list (up to two levels up), outside the list itself. */
  function moreLinkAround(el) {
    var block = el.parentElement;
    for (var up = 0; up < 2 && block && block !== document.body; up++, block = block.parentElement) {
      var links = block.querySelectorAll('a');
      for (var i = 0; i < links.length; i++) if (!el.contains(links[i]) && MORE.test(linkText(links[i]))) return true;
    }
    return false;
  }

  /** Whether a text carries a date, not counting the clock most templates show ("今天是2026年12月2日 星期三"). */
  function hasDate(s) {
    s = s.replace(
      /(今天是|今天|今日|现在是|现在时间|当前时间)\s*[：:]?\s*\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(\s*(星期|周)[一二三四五六日天])?/g,
      '',
    );
    return /(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2})|(\d{1,2}[-/]\d{1,2})|(\d{1,2}\s*月\s*\d{1,2}\s*日)|(\d+\s*(分钟|小时|天)前)|昨天|今天|刚刚/.test(s);
  }

  /** How much a list looks like the page's content: rows, dated rows and article-like titles weigh more. */
  function listWeight(list) {
    var w = 0;
    list.rows.forEach(function (r) {
      var t = linkText(r.link).length;
      // An item has a title of some length, or words of its own beside a short one (a card's summary);
      // a menu entry is a short name alone.
      var item = t >= 8 || rowText(r).length - t >= 15 || isBelowHere(linkTarget(r.link));
      w += (item ? 1 : 0.3) * (hasDate(rowText(r)) ? 2 : 1);
    });
    return w;
  }

  /** A row's text, with the next sibling's when it is a link-less cell of the row (<dt> title, <dd> date). */
  function rowText(row) {
    var t = text(row.el);
    var next = row.el.nextElementSibling;
    if (next && (row.el.tagName === 'DT' || next.tagName === 'DD') && titledLinks(next).length === 0) {
      var extra = text(next);
      if (extra.length <= 60) t += ' ' + extra;
    }
    return t;
  }

  function headersOf(listEl) {
    var table = listEl.closest('table') || listEl.querySelector('table');
    if (!table) return [];
    var ths = table.querySelectorAll('thead th, tr:first-child th, thead td');
    return Array.prototype.map.call(ths, text);
  }

  function rowInfo(row) {
    var a = row.link;
    var cells = row.el.tagName === 'TR' ? Array.prototype.map.call(row.el.children, text) : [];
    return {
      title: linkText(a),
      href: linkTarget(a),
      text: rowText(row),
      cells: cells,
      titleAttr: row.el.getAttribute('title') || a.getAttribute('title') || '',
    };
  }

  function controlLabel(el) {
    if (el.tagName === 'INPUT') return el.value || '';
    var t = text(el);
    if (t) return t;
    var img = el.querySelector && el.querySelector('img');
    return el.getAttribute('title') || el.getAttribute('aria-label') || (img && (img.getAttribute('alt') || img.getAttribute('title'))) || '';
  }
  function isDisabled(el) {
    return el.disabled || el.getAttribute('aria-disabled') === 'true' || /disabled/i.test(el.getAttribute('class') || '');
  }

  function pager() {
    var controls = document.querySelectorAll('a, button, span[onclick], input[type=button], li[onclick], div[onclick]');
    for (var i = 0; i < controls.length; i++) {
      var el = controls[i];
      if (!NEXT.test(controlLabel(el)) || isDisabled(el)) continue;
      // A single › or > in a carousel is not a pager: it must sit beside page numbers or other pager words.
      if (/^\s*[›»>]\s*$/.test(controlLabel(el)) && !/(\d|上一页|首页|尾页|末页)/.test(text(el.parentElement || el))) continue;
      var href = el.tagName === 'A' ? linkTarget(el) : null;
      el.setAttribute('data-govscore-next', '1');
      return { nextHref: href, script: !href };
    }
    // Numbered pagers without a "next": the number that is not a link (the current page), and the
    // control labelled current + 1 beside it.
    var numbers = document.querySelectorAll('a, button, span, strong, b, em, font, li');
    for (var k = 0; k < numbers.length; k++) {
      var cur = numbers[k];
      var label = text(cur);
      if (!/^\d{1,3}$/.test(label) || cur.tagName === 'A' || (cur.tagName === 'BUTTON' && !cur.disabled) || cur.querySelector('a')) continue;
      var n = parseInt(label, 10);
      var scope = cur.parentElement;
      for (var up = 0; up < 2 && scope; up++, scope = scope.parentElement) {
        var siblings = scope.querySelectorAll('a, button');
        for (var s = 0; s < siblings.length; s++) {
          if (text(siblings[s]) === String(n + 1)) {
            siblings[s].setAttribute('data-govscore-next', '1');
            var h = siblings[s].tagName === 'A' ? linkTarget(siblings[s]) : null;
            return { nextHref: h, script: !h };
          }
        }
      }
    }
    return { nextHref: null, script: false };
  }

  /** Every meta form: name, property, itemprop, http-equiv; the first of each name wins. */
  function metas() {
    var out = {};
    var list = document.querySelectorAll('meta');
    for (var i = 0; i < list.length; i++) {
      var m = list[i];
      var key = m.getAttribute('name') || m.getAttribute('property') || m.getAttribute('itemprop') || m.getAttribute('http-equiv');
      if (key && !(key in out)) out[key] = m.getAttribute('content') || '';
    }
    return out;
  }

  /** Machine-readable publication dates: JSON-LD datePublished, itemprop=datePublished, <time datetime>. */
  function dateHints() {
    var out = { jsonLd: [], itemprop: [], time: [] };
    document.querySelectorAll('script[type="application/ld+json"]').forEach(function (s) {
      var m = /"datePublished"\s*:\s*"([^"]+)"/.exec(s.textContent || '');
      if (m) out.jsonLd.push(m[1]);
    });
    document.querySelectorAll('[itemprop=datePublished]').forEach(function (e) {
      out.itemprop.push(e.getAttribute('content') || e.getAttribute('datetime') || text(e));
    });
    document.querySelectorAll('time').forEach(function (e) {
      if (!isFurniture(e)) out.time.push(e.getAttribute('datetime') || text(e));
    });
    return out;
  }

  /** The page's title element: the heading whose text the document title starts with, else the first h1. */
  function titleElement() {
    var docTitle = (document.title || '').replace(/\s+/g, '');
    var metaTitle = ((document.querySelector('meta[name=ArticleTitle], meta[property="og:title"]') || {}).content || '').replace(/\s+/g, '');
    var headings = Array.prototype.filter.call(document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role=heading]'), function (h) {
      return !isFurniture(h) && text(h).length >= 2;
    });
    var best = null;
    var bestLength = 0;
    headings.forEach(function (h) {
      var t = text(h).replace(/\s+/g, '');
      var hit = (metaTitle && (metaTitle.indexOf(t) >= 0 || t.indexOf(metaTitle) >= 0)) || (t.length >= 2 && docTitle.indexOf(t) >= 0);
      if (hit && t.length > bestLength) {
        best = h;
        bestLength = t.length;
      }
    });
    if (best) return best;
    // Without a heading tag: the block whose whole text the title begins with.
    if (docTitle.length >= 6) {
      var blocks = document.body.querySelectorAll('div, p, td, span, strong, b, font');
      for (var i = 0; i < blocks.length; i++) {
        var bt = text(blocks[i]).replace(/\s+/g, '');
        if (bt.length >= 6 && bt.length <= 120 && docTitle.indexOf(bt) === 0 && !blocks[i].querySelector('a')) return blocks[i];
      }
    }
    return (
      headings.filter(function (h) {
        return h.tagName === 'H1';
      })[0] ||
      headings[0] ||
      null
    );
  }

  /** The page's visible text, broken into lines at block elements and <br> as a reader sees it. */
  function lines() {
    var raw = (document.body.innerText || '').split(/\n+/);
    // A page its own scripts hid (content shown only once outside resources load): read its text as written.
    if (raw.join('').length < 50 && (document.body.textContent || '').replace(/\s+/g, '').length > 500) raw = writtenLines();
    var out = [];
    for (var i = 0; i < raw.length && out.length < 600; i++) {
      var l = raw[i].replace(/\s+/g, ' ').trim();
      if (l) out.push(l.slice(0, 300));
    }
    return out;
  }

  /** The text of every block as written in the document, visible or not. */
  function writtenLines() {
    var blocks = new Map();
    var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (var n = walker.nextNode(); n && blocks.size < 600; n = walker.nextNode()) {
      var parent = n.parentElement;
      if (!parent || parent.closest('script, style, noscript, template')) continue;
      var block = parent.closest('p, div, li, td, th, dd, dt, h1, h2, h3, h4, h5, h6, section, article, body');
      blocks.set(block, (blocks.get(block) || '') + ' ' + n.nodeValue);
    }
    var out = [];
    blocks.forEach(function (v) {
      out.push(v);
    });
    return out;
  }

  /** Text without scripts, styles and the semantic furniture: what the page says. */
  function mainText() {
    var clone = document.body.cloneNode(true);
    var all = clone.querySelectorAll('script, style, noscript, template, nav, aside, [role=navigation], [role=banner], [role=contentinfo]');
    for (var i = all.length - 1; i >= 0; i--) if (all[i].parentNode) all[i].parentNode.removeChild(all[i]);
    clone.querySelectorAll('header, footer').forEach(function (e) {
      if (!e.closest('article, main') && e.parentNode) e.parentNode.removeChild(e);
    });
    return (clone.textContent || '').replace(/\s+/g, ' ').trim();
  }

  /** Prose: text outside links in blocks of at least 30 characters — an article's body, not a list's dates. */
  function proseLength() {
    var total = 0;
    var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT);
    for (var e = walker.currentNode; e; e = walker.nextNode()) {
      if (!/^(P|DIV|TD|LI|SECTION|ARTICLE|DD|SPAN|FONT)$/.test(e.tagName)) continue;
      var own = '';
      for (var c = e.firstChild; c; c = c.nextSibling) if (c.nodeType === 3) own += c.nodeValue;
      own = own.replace(/\s+/g, '');
      if (own.length >= 30 && !isFurniture(e)) total += own.length;
    }
    return total;
  }

  /**
   * Visible text outside links, one line per block, outside the semantic furniture: what a page says of
   * its own. The crawler drops the lines the homepage shows too (the template) to tell a blank column.
   */
  function textLines() {
    var blocks = new Map();
    var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (var n = walker.nextNode(); n && blocks.size < 400; n = walker.nextNode()) {
      var v = n.nodeValue.replace(/\s+/g, ' ').trim();
      var parent = n.parentElement;
      if (!v || !parent || parent.closest('a, script, style, noscript, template, select, option, button, textarea')) continue;
      if (isFurniture(parent) || !parent.getClientRects().length) continue;
      var block = parent.closest('p, div, li, td, th, dd, dt, h1, h2, h3, h4, h5, h6, section, article, form, body');
      blocks.set(block, (blocks.get(block) || '') + v);
    }
    var out = [];
    blocks.forEach(function (v) {
      out.push(v.slice(0, 300));
    });
    return out;
  }

  function crumbs() {
    var blocks = document.body.querySelectorAll('div, p, span, td, li, ol, ul, nav');
    for (var i = 0; i < blocks.length; i++) {
      var b = blocks[i];
      var t = text(b);
      if (t.length > 200 || b.querySelectorAll('a').length < 1) continue;
      if (CRUMB_START.test(t) || (/^\s*(首页|网站首页)\s*[>»＞→›/]/.test(t) && b.querySelectorAll('a').length >= 2)) {
        return Array.prototype.map.call(b.querySelectorAll('a'), text).filter(Boolean);
      }
    }
    return [];
  }

  /**
   * Links to pages below this one's folder (/xxgk/fdzdgknr/item1/ from /xxgk/fdzdgknr/index.html), other
   * than this page's own variants (?page=2, list.asp?classid=…): a page with children is no blank column.
   */
  function childLinks(all) {
    var here = new URL(location.href);
    var folder = here.pathname.replace(/[^/]*$/, '');
    if (folder === '/') return 0;
    var seen = {};
    var n = 0;
    all.forEach(function (a) {
      var target = linkTarget(a);
      if (!target || isFurniture(a)) return;
      var u = new URL(target);
      if (u.origin !== here.origin || u.pathname === here.pathname || samePage(target, location.href) || u.pathname.indexOf(folder) !== 0 || seen[u.pathname])
        return;
      seen[u.pathname] = 1;
      n++;
    });
    return n;
  }

  function placeholderElement() {
    var all = document.body.querySelectorAll('*');
    for (var j = all.length - 1; j >= 0; j--) if (all[j].children.length === 0 && PLACEHOLDER.test(all[j].textContent || '')) return all[j];
    return null;
  }

  // The HTML behind a finding: the list's first rows, or the placeholder's container (at most 2 KB).
  function fragmentOf(best) {
    var html = '';
    if (best) {
      for (var i = 0; i < best.rows.length && i < 3; i++) html += best.rows[i].el.outerHTML + '\n';
    } else {
      var all = document.querySelectorAll('body *');
      for (var j = all.length - 1; j >= 0; j--) {
        if (all[j].children.length === 0 && PLACEHOLDER.test(all[j].textContent || '')) {
          html = all[j].outerHTML;
          break;
        }
      }
    }
    return html.slice(0, 2000);
  }

  /**
   * Links worth following to find columns and sections, ranked by prominence: "更多" links first, then
   * links in menus (blocks of three or more short links), then every other short-named or image link in
   * document order. Items (long titles, dated rows) are not followed: the column lists them.
   */
  function candidateLinks(all, listLinks) {
    var more = [],
      menu = [],
      other = [];
    var seen = {};
    all.forEach(function (a) {
      var href = linkTarget(a);
      if (!href || listLinks.has(a)) return;
      var t = linkText(a);
      var key = href.split('#')[0];
      if (MORE.test(t) || (/更多|more/i.test(t) && t.length <= 8)) {
        if (seen['m' + key]) return;
        seen['m' + key] = 1;
        var block = a.closest('div, section, td, li');
        var heading = block ? block.querySelector('h1, h2, h3, h4, h5, strong, b') : null;
        var name = heading ? text(heading) : blockHeading(a);
        more.push({
          text: name
            .replace(MORE, '')
            .replace(/(更多|more)\s*[>»+]*/gi, '')
            .trim(),
          href: href,
        });
        return;
      }
      // A menu of pictures with no text alternative (an accessibility defect itself) still leads to the site's
      // pages: followed without a name (the page's own heading names it), never outside a menu.
      var nameless = !t && isPictureLink(a) && inMenu(a);
      if ((!t && !nameless) || t.length > NAV_TEXT_MAX || NEXT.test(t) || seen[key]) return;
      var row = a.closest('li, tr, dd, dt, p') || a.parentElement;
      if (t && row && row !== document.body && text(row).length <= 40 && hasDate(text(row).replace(t, ''))) return;
      seen[key] = 1;
      (nameless || inMenu(a) ? menu : other).push({ text: t, href: href });
    });
    return { more: more, nav: menu.concat(other) };
  }
  /** The heading before a "更多" link when the block has no heading element: the previous sibling's text. */
  function blockHeading(a) {
    var prev = a.previousElementSibling || (a.parentElement && a.parentElement.previousElementSibling);
    var t = prev ? text(prev) : '';
    return t.length <= 12 ? t : '';
  }
  /** A menu: the link's block (up to two levels up) holds three or more links and little else. */
  /** A link or clickable made of a picture: an image, an image input or an SVG, and no text. */
  function isPictureLink(el) {
    return !!el.querySelector('img, input[type=image], svg') && !text(el);
  }

  function inMenu(a) {
    var block = a.parentElement;
    for (var up = 0; up < 3 && block && block !== document.body; up++, block = block.parentElement) {
      var links = block.querySelectorAll('a, [onclick]');
      if (links.length < 3) continue;
      var linkChars = 0;
      links.forEach(function (l) {
        linkChars += linkText(l).length;
      });
      return linkChars >= 0.6 * text(block).length;
    }
    return false;
  }

  /** Links in same-origin frames: a frameset's or an iframe's navigation is the page's navigation. */
  function frameLinks() {
    var out = [];
    document.querySelectorAll('iframe, frame').forEach(function (f) {
      try {
        var doc = f.contentDocument;
        if (doc && doc.body) out = out.concat(Array.prototype.slice.call(doc.querySelectorAll('a, [onclick]')));
      } catch (_e) {
        // another origin: its address is followed as a page of its own
      }
    });
    return out;
  }

  window.__govscoreRead = function () {
    document.querySelectorAll('[data-govscore-next]').forEach(function (e) {
      e.removeAttribute('data-govscore-next');
    });
    var frames = Array.prototype.map.call(document.querySelectorAll('iframe[src], frame[src]'), function (f) {
      return f.src;
    });
    if (!document.body) {
      return emptyRead(frames);
    }
    var lists = findLists();
    var best = null;
    var bestWeight = 0;
    lists.forEach(function (l) {
      var w = listWeight(l);
      if (w > bestWeight || (w === bestWeight && best && l.rows.length > best.rows.length)) {
        best = l;
        bestWeight = w;
      }
    });
    // A list of items (long or dated titles) is the column's; a list of short names is a menu to follow.
    var itemList = best && bestWeight >= 0.6 * best.rows.length;
    // A menu outweighing the page's one list of dated items does not hide it: a column's last page may hold
    // one item beside a top bar of seven short names.
    if (!itemList) {
      lists.forEach(function (l) {
        var w = listWeight(l);
        var dated =
          w >= 0.6 * l.rows.length &&
          l.rows.every(function (r) {
            return hasDate(rowText(r));
          });
        if (dated && (!itemList || w > bestWeight)) {
          best = l;
          bestWeight = w;
          itemList = true;
        }
      });
    }
    // A block of short names (a menu, a sidebar) is not the page's list: its links are followed instead.
    if (!itemList) best = null;
    var listLinks = new Set(
      itemList
        ? best.rows.map(function (r) {
            return r.link;
          })
        : [],
    );
    previewedRows(lists).forEach(function (a) {
      listLinks.add(a);
    });
    var separate = separateItemLists(lists);
    var all = clickables(document.body).concat(frameLinks());
    var candidates = candidateLinks(all, listLinks);
    // Frames of this site are pages too (a frameset's parts, an iframe's list).
    frames.forEach(function (src) {
      candidates.nav.push({ text: '', href: src });
    });
    var allRows = [];
    titledLinks(document.body).forEach(function (a) {
      if (isFurniture(a) || isTagLink(a)) return;
      var row = rowOf(a);
      allRows.push({
        title: linkText(a),
        href: linkTarget(a),
        text: row === document.body ? linkText(a) : rowText({ el: row }),
        cells: [],
        titleAttr: row.getAttribute('title') || a.getAttribute('title') || '',
      });
    });
    var body = mainText();
    var titleEl = titleElement();
    return {
      url: location.href,
      title: document.title,
      metas: metas(),
      dateHints: dateHints(),
      crumbs: crumbs(),
      heading: titleEl ? text(titleEl) : '',
      nav: candidates.nav,
      more: candidates.more,
      rows: best ? best.rows.map(rowInfo) : [],
      singleLinkRows: best
        ? best.rows.filter(function (r) {
            return r.single;
          }).length
        : 0,
      rowsTextLength: best
        ? best.rows.reduce(function (n, r) {
            return n + text(r.el).length;
          }, 0)
        : 0,
      headers: best ? headersOf(best.el) : [],
      itemLists: separate.count,
      itemListRows: separate.rows,
      allRows: allRows,
      placeholder: (body.match(PLACEHOLDER) || [null])[0],
      childLinks: childLinks(all),
      previewOf: best ? headingLinkBefore(best.el) : placeholderElement() ? headingLinkBefore(placeholderElement()) : null,
      pager: pager(),
      mainText: body.slice(0, 3000),
      lines: lines(),
      textLines: textLines(),
      proseLength: proseLength(),
      fragment: fragmentOf(best),
      links: Array.prototype.map
        .call(document.querySelectorAll('a[href]'), function (a) {
          return { href: a.href, image: false };
        })
        .concat(
          Array.prototype.map.call(document.querySelectorAll('img[src]'), function (i) {
            return { href: i.src, image: true };
          }),
        ),
      mainTextLength: body.length,
      iframes: frames,
    };
  };

  /** A frameset document: no body, only its frames to follow. */
  function emptyRead(frames) {
    return {
      url: location.href,
      title: document.title,
      metas: metas(),
      dateHints: { jsonLd: [], itemprop: [], time: [] },
      crumbs: [],
      heading: '',
      nav: frames.map(function (f) {
        return { text: '', href: f };
      }),
      more: [],
      rows: [],
      singleLinkRows: 0,
      rowsTextLength: 0,
      headers: [],
      itemLists: 0,
      itemListRows: 0,
      allRows: [],
      placeholder: null,
      childLinks: 0,
      previewOf: null,
      pager: { nextHref: null, script: false },
      mainText: '',
      lines: [],
      textLines: [],
      proseLength: 0,
      fragment: '',
      links: frames.map(function (f) {
        return { href: f, image: false };
      }),
      mainTextLength: 0,
      iframes: frames,
    };
  }
})();
