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

  // Elements that could answer a person's press in place of the motion: any of them with a listener of these
  // (its own, or the document's and body's, which may delegate) may do what the motion does.
  var PRESSABLE =
    'button, input[type=button], input[type=submit], input[type=reset], input[type=image], [role=button], [role=slider], [role=spinbutton], [onclick], a[href], [tabindex]';
  var MAX_PRESSABLE = 100;

  function fields() {
    return Array.prototype.slice.call(document.querySelectorAll(CONTROLS), 0, 500);
  }
  function values() {
    return fields().map(function (el) {
      return el.value + '|' + el.checked;
    });
  }
  // A field a person can set (not a button), shown and not disabled: setting it may do what the motion does.
  function settable(el) {
    return !el.disabled && !el.readOnly && !/^(hidden|button|submit|reset|image)$/.test(el.type) && el.getClientRects().length > 0;
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

  /**
   * After deviceMotion() saw the motion change the page: null when the page has a field a person can set (or a form
   * to send), else the elements whose listeners the driver reads (../motion-only.ts) — window, the document, the body
   * and what could be pressed. When none of them listens to a press, a key or a change, nothing on the page can do
   * what the motion does: 2.5.4 asks that it can also be done from the interface (ACT 7677a9).
   */
  checks.motionControls = function () {
    if (!checks.motionChanged) return null;
    if (fields().some(settable) || document.querySelector('form input[type=submit], form button:not([type=button]):not([type=reset])')) return null;
    var pressable = Array.prototype.slice.call(document.querySelectorAll(PRESSABLE), 0, MAX_PRESSABLE);
    checks.motionCandidates = [window, document, document.body].concat(pressable);
    return pressable.length;
  };
  checks.motionOnlyIssue = function () {
    var out = lib.issue(
      'motion-only',
      [document.body],
      '模拟倾斜、转动设备后页面内容改变，页面上没有可以完成同样操作的按钮、输入框等控件（没有控件响应点击、按键或输入）',
    );
    out.suspected = true;
    return out;
  };

  checks.deviceMotion = function () {
    // A page written over the same window (document.write, as setContent does) keeps this object: start afresh.
    checks.motionChanged = false;
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
    if (!changed.length && !valueChanged) return null;
    checks.motionChanged = true;
    if (offersToTurnOff()) return null;
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
