// Live progress of a run: the page is complete without this script (rendered from the store); with it,
// rows and counters follow the server-sent events of /staff/runs/<id>/events. Text is set with
// textContent only, so a site name can never become markup.
(function () {
  'use strict';
  var table = document.getElementById('sites');
  if (!table || !window.EventSource) return;
  var url = table.getAttribute('data-events');
  if (!url) return;

  function setText(id, text) {
    var el = document.getElementById(id);
    if (el) el.textContent = text;
  }

  var source = new EventSource(url);

  source.addEventListener('site', function (event) {
    var site = JSON.parse(event.data);
    var rows = table.querySelectorAll('tbody tr');
    for (var i = 0; i < rows.length; i++) {
      if (rows[i].getAttribute('data-site') !== site.id) continue;
      var tag = rows[i].querySelector('.tag');
      if (tag) {
        tag.className = 'tag ' + site.tag;
        tag.textContent = site.label;
      }
      // A finished site's reason, or where one in flight stands (phase, pages, time).
      var reason = rows[i].querySelector('.reason');
      if (reason) reason.textContent = site.reason || (site.live ? site.live.text : '');
    }
  });

  source.addEventListener('progress', function (event) {
    var p = JSON.parse(event.data);
    setText('done', String(p.done));
    setText('total', String(p.total));
    setText('eta', p.eta ? '，' + p.eta : '');
    var silent = document.getElementById('silent');
    if (silent) {
      silent.textContent = p.silent;
      silent.hidden = !p.silent;
    }
  });

  // The server closes the stream after `end`; closing here too stops EventSource from reconnecting.
  source.addEventListener('end', function (event) {
    source.close();
    var end = JSON.parse(event.data);
    var box = document.getElementById(end.finished ? 'finished' : 'failed');
    if (!box) return;
    if (!end.finished) setText('failed-message', end.message || '');
    box.hidden = false;
    setText('state', end.finished ? '评估已完成。' : '评估未完成。');
  });
})();
