// Runs inside a page after page-checks.js, whose helpers (lib) it uses: table header cells that head no cell
// (1.3.1, ACT d0f69e). Adds window.__govscorePageChecks.tableHeaders(), which the driver (../page-checks.ts)
// calls with the markup reads. HTML tables are laid out as the table model does (colspan, rowspan); ARIA tables
// and grids by their rows' cells in order. A header cell heads the cells of its column (a column header: scope
// col, role columnheader, or a th in a row without data cells) or of its row (otherwise), less the cells whose
// `headers` attribute names other headers, plus those whose `headers` names it.
(function () {
  var checks = window.__govscorePageChecks;
  if (!checks || checks.tableHeaders) return;
  var lib = checks.lib;
  var ARIA_TABLES = '[role=table], [role=grid], [role=treegrid]';
  var CELL_ROLES = /^(cell|gridcell|columnheader|rowheader)$/;

  function shown(el) {
    return el.getClientRects().length > 0 && !el.closest('[aria-hidden=true]') && getComputedStyle(el).visibility !== 'hidden';
  }
  function roleOf(el) {
    return (el.getAttribute('role') || '').trim().split(/\s+/)[0].toLowerCase();
  }

  /** The cells of an HTML table: each with the columns and rows it spans. */
  function htmlCells(table) {
    var cells = [];
    var taken = [];
    for (var y = 0; y < table.rows.length; y++) {
      var x = 0;
      var row = table.rows[y].cells;
      for (var i = 0; i < row.length; i++) {
        taken[y] = taken[y] || [];
        while (taken[y][x]) x++;
        var cell = row[i];
        var w = Math.max(1, Math.min(cell.colSpan || 1, 1000));
        var h = cell.rowSpan === 0 ? table.rows.length - y : Math.max(1, cell.rowSpan || 1);
        for (var dy = 0; dy < h; dy++) {
          taken[y + dy] = taken[y + dy] || [];
          for (var dx = 0; dx < w; dx++) taken[y + dy][x + dx] = true;
        }
        cells.push({ el: cell, x: x, y: y, w: w, h: h });
        x += w;
      }
    }
    return cells;
  }

  /** The cells of an ARIA table or grid: its own rows' cells, one column each, in order. */
  function ariaCells(table) {
    var cells = [];
    var rows = Array.prototype.filter.call(table.querySelectorAll('[role=row]'), function (r) {
      return r.parentElement && r.parentElement.closest(ARIA_TABLES + ', table') === table;
    });
    rows.forEach(function (row, y) {
      var x = 0;
      Array.prototype.forEach.call(row.querySelectorAll('*'), function (el) {
        if (!CELL_ROLES.test(roleOf(el)) || el.parentElement.closest('[role=row]') !== row) return;
        cells.push({ el: el, x: x, y: y, w: 1, h: 1 });
        x++;
      });
    });
    return cells;
  }

  function isHeader(el) {
    var role = roleOf(el);
    if (role) return role === 'columnheader' || role === 'rowheader';
    return el.tagName === 'TH';
  }

  /** Whether the header heads its column (else its row). */
  function headsColumn(header, cells) {
    var role = roleOf(header.el);
    if (role === 'columnheader') return true;
    if (role === 'rowheader') return false;
    var scope = (header.el.getAttribute('scope') || '').toLowerCase();
    if (scope === 'col' || scope === 'colgroup') return true;
    if (scope === 'row' || scope === 'rowgroup') return false;
    return !cells.some(function (c) {
      return c.y === header.y && !isHeader(c.el);
    });
  }

  function heads(header, cell, column) {
    var named = (cell.el.getAttribute('headers') || '').trim();
    if (named) return header.el.id !== '' && named.split(/\s+/).indexOf(header.el.id) >= 0;
    if (column) return cell.y !== header.y && cell.x < header.x + header.w && header.x < cell.x + cell.w;
    return cell.x !== header.x && cell.y < header.y + header.h && header.y < cell.y + cell.h;
  }

  checks.tableHeaders = function () {
    var found = [];
    var tables = document.querySelectorAll('table, ' + ARIA_TABLES);
    for (var t = 0; t < tables.length && t < 200; t++) {
      var table = tables[t];
      var html = table.tagName === 'TABLE';
      // A layout table (role presentation or none) has no headers to assign.
      if (html && roleOf(table) && !/^(table|grid|treegrid)$/.test(roleOf(table))) continue;
      var cells = (html ? htmlCells(table) : ariaCells(table)).filter(function (c) {
        return shown(c.el);
      });
      // A table of headers alone (a list the page has not filled) has nothing to head yet: not judged.
      if (
        !cells.some(function (c) {
          return !isHeader(c.el);
        })
      )
        continue;
      cells.forEach(function (header) {
        if (!isHeader(header.el) || !/\S/.test(header.el.textContent)) return;
        var column = headsColumn(header, cells);
        var headed = cells.some(function (c) {
          return c !== header && heads(header, c, column);
        });
        if (!headed) found.push(header.el);
      });
    }
    return found.length ? lib.issue('header-without-cells', found, found.length + ' 个表头单元格没有对应的数据单元格') : null;
  };
})();
