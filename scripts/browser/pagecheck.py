"""Checks every browser test makes on a page: a label for every field, WCAG contrast of every
visible text, no console errors or CSP violations, axe-core's serious and critical findings, no
sideways scrolling. Both browser flows (mentor_flow.py, pupil_link.py) use these."""
from axe_selenium_python import Axe   # axe-core, shipped inside the package (no network)

LABELS = """
    return Array.from(document.querySelectorAll('input, select, textarea')).filter(function (e) {
      if (e.type === 'hidden' || e.type === 'submit') return false;
      return !(e.id && document.querySelector('label[for="' + e.id + '"]')) && !e.closest('label') && !e.getAttribute('aria-label');
    }).map(function (e) { return e.name || e.id; });"""

# WCAG 2.1 contrast against the background each text is drawn on: 4.5:1, or 3:1 for large text
# (24 px, or 18.66 px bold).
CONTRAST = """
    function rgb(c) { var m = c.match(/[0-9.]+/g); return m ? m.map(Number) : [0, 0, 0, 0]; }
    function lum(c) {
      var v = c.slice(0, 3).map(function (x) { x /= 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
      return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
    }
    function background(e) {
      for (; e; e = e.parentElement) {
        var c = rgb(getComputedStyle(e).backgroundColor);
        if (c.length < 4 || c[3] > 0) return c;
      }
      return [255, 255, 255];
    }
    var out = [];
    document.querySelectorAll('body *').forEach(function (e) {
      var own = Array.from(e.childNodes).some(function (n) { return n.nodeType === 3 && n.textContent.trim(); });
      if (!own || !e.getClientRects().length) return;
      var s = getComputedStyle(e);
      if (s.visibility === 'hidden') return;
      var a = lum(rgb(s.color)), b = lum(background(e));
      var ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      var size = parseFloat(s.fontSize), bold = parseInt(s.fontWeight, 10) >= 700;
      var need = (size >= 24 || (bold && size >= 18.66)) ? 3 : 4.5;
      if (ratio < need) out.push(e.tagName.toLowerCase() + ' ' + ratio.toFixed(2) + ':1 "' + e.textContent.trim().slice(0, 30) + '"');
    });
    return out;"""


def page_checks(d, check, name):
    """Labels, contrast and a clean console on the page `d` shows; `check(cond, what)` records."""
    unlabelled = d.execute_script(LABELS)
    check(not unlabelled, f"{name}: every field has a label {unlabelled if unlabelled else ''}")
    low = d.execute_script(CONTRAST)
    check(not low, f"{name}: text contrast at least 4.5:1 (3:1 large) {low[:3] if low else ''}")
    errors = [l["message"] for l in d.get_log("browser") if "Content Security Policy" in l["message"] or l["level"] == "SEVERE"]
    check(not errors, f"{name}: no console errors or CSP violations {errors[:2] if errors else ''}")
    axe = Axe(d)
    axe.inject()
    found = [v for v in axe.run()["violations"] if v.get("impact") in ("serious", "critical")]
    check(not found, f"{name}: axe-core finds no serious or critical violations {[(v['id'], len(v['nodes'])) for v in found][:4]}")
    d.get_log("browser")   # injecting axe is not the page's own console output


def no_sideways_scroll(d, check, name):
    wide = d.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    check(wide <= 1, f"{name}: no sideways scrolling ({wide} px)")


def wait_for(fn, seconds=10):
    """True once `fn()` is true (exceptions count as not yet), False after `seconds`."""
    import time
    end = time.time() + seconds
    while time.time() < end:
        try:
            if fn(): return True
        except Exception:
            pass
        time.sleep(0.1)
    return False
