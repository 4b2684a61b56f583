// Runs inside a page after page-checks.js, whose helpers (lib) it uses: motion actuation (2.5.4, ACT c249d5).
// Adds window.__govscorePageChecks.deviceMotion(): the page is sent one tilt (deviceorientation) and one turn
// (devicemotion), as a phone would; if its content or a control's value changes and no control offers to turn
// motion off, that is reported as suspected (a person confirms what the motion does and whether a way to turn it
// off is elsewhere). Handlers run during dispatch: what they changed is read at once, with no waiting.
(function () {
  var checks = window.__govscorePageChecks;
  if (!checks || checks.deviceMotion) return;
  var lib = checks.lib;
  // A control whose name says it turns motion off (or names the motion feature it switches).
  var TURNS_OFF = /disable|turn off|motion|shake|tilt|禁用|关闭|停用|体感|摇一摇|重力感应|晃动|陀螺仪/i;
  var CONTROLS = 'input, select, textarea';

  function values() {
    return Array.prototype.slice.call(document.querySelectorAll(CONTROLS), 0, 500).map(function (el) {
      return el.value + '|' + el.checked;
    });
  }
  function nameOf(el) {
    var parts = [
      el.getAttribute('aria-label') || '',
      el.getAttribute('title') || '',
      el.value && el.tagName === 'INPUT' && /button|submit/.test(el.type) ? el.value : '',
    ];
    if (el.labels)
      Array.prototype.forEach.call(el.labels, function (l) {
        parts.push(l.textContent || '');
      });
    if (el.tagName !== 'INPUT') parts.push(el.textContent || '');
    return parts.join(' ');
  }
  function offersToTurnOff() {
    return Array.prototype.some.call(
      document.querySelectorAll('input[type=checkbox], [role=switch], [role=checkbox], button, input[type=button]'),
      function (el) {
        return el.getClientRects().length > 0 && TURNS_OFF.test(nameOf(el));
      },
    );
  }

  /**
   * The event as a phone sends it. Chromium offers the event constructors in secure contexts only (https,
   * localhost); elsewhere (an http site, which other browsers and app web views still send motion to) a plain
   * event carries the same fields.
   */
  function motionEvent(type, Constructor, fields) {
    if (typeof Constructor === 'function') return new Constructor(type, fields);
    var e = new Event(type);
    Object.keys(fields).forEach(function (k) {
      Object.defineProperty(e, k, { value: fields[k] });
    });
    return e;
  }

  checks.deviceMotion = function () {
    var before = values();
    var observer = new MutationObserver(function () {});
    observer.observe(document, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['value', 'checked', 'hidden', 'aria-valuenow', 'aria-checked', 'aria-pressed', 'aria-expanded'],
    });
    var changed = [];
    try {
      window.dispatchEvent(motionEvent('deviceorientation', window.DeviceOrientationEvent, { alpha: 0, beta: 0, gamma: 45, absolute: false }));
      window.dispatchEvent(
        motionEvent('devicemotion', window.DeviceMotionEvent, {
          acceleration: { x: 0, y: 0, z: 0 },
          accelerationIncludingGravity: { x: 0, y: 0, z: 9.8 },
          rotationRate: { alpha: 0, beta: 0, gamma: 30 },
          interval: 16,
        }),
      );
      changed = observer.takeRecords();
    } finally {
      observer.disconnect();
    }
    var after = values();
    var valueChanged = after.some(function (v, i) {
      return v !== before[i];
    });
    if ((!changed.length && !valueChanged) || offersToTurnOff()) return null;
    var targets = changed
      .map(function (m) {
        return m.target.nodeType === 1 ? m.target : m.target.parentElement;
      })
      .filter(function (el, i, all) {
        return el && el !== document.documentElement && all.indexOf(el) === i;
      });
    var out = lib.issue('motion-actuation', targets.length ? targets : [document.body], '模拟倾斜、转动设备后页面内容改变，页面上没有关闭体感操作的控件');
    out.suspected = true;
    return out;
  };
})();
