// What "fits its frame" means, measured inside the frame (the README's promise: 290 px high, 280–1200 px wide, every
// control reachable, nothing cut off, no scrolling of the page; panels scroll inside themselves).
//
// `frameLayout` runs in the frame (frame.evaluate(frameLayout)) and returns {problems: string[], controls}:
//  - the document does not scroll: scrollingElement's scrollHeight <= clientHeight, scrollWidth <= clientWidth;
//  - every control (button, link, slider, textbox, checkbox, anything focusable of that kind, through open
//    shadow roots) that is rendered lies inside the viewport, and the point at its centre hits the control
//    itself (so nothing covers or clips it);
//  - except, while a panel is open, the controls the panel covers (the hit at their centre lands in the panel);
//  - the panel's own controls lie inside the panel's box, or come into it when the panel (or a scroll
//    container inside it) is scrolled; scrolling anything that the listener cannot scroll (an
//    overflow:hidden box, the page) to reach one is a problem.

export function frameLayout() {
  const problems = [];
  const slack = 0.5;
  const width = window.innerWidth;
  const height = window.innerHeight;
  const page = document.scrollingElement;
  if (page.scrollHeight > page.clientHeight) problems.push(`the page scrolls vertically: scrollHeight ${page.scrollHeight} > clientHeight ${page.clientHeight}`);
  if (page.scrollWidth > page.clientWidth) problems.push(`the page scrolls horizontally: scrollWidth ${page.scrollWidth} > clientWidth ${page.clientWidth}`);

  const controls = [];
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.matches('button, a[href], input:not([type="hidden"]), textarea, select, [role="button"], [role="slider"], [role="checkbox"], [role="link"], [role="textbox"]')) controls.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);

  const parentOf = (node) => node.parentElement ?? (node.parentNode instanceof ShadowRoot ? node.parentNode.host : null);
  const deepContains = (outer, node) => {
    for (let n = node; n; n = parentOf(n)) if (n === outer) return true;
    return false;
  };
  const hitAt = (x, y) => {
    let el = document.elementFromPoint(x, y);
    while (el?.shadowRoot) {
      const inner = el.shadowRoot.elementFromPoint(x, y);
      if (!inner || inner === el) break;
      el = inner;
    }
    return el;
  };
  const name = (el) => {
    const label = el.getAttribute('aria-label') || el.labels?.[0]?.textContent || el.textContent || el.getAttribute('title') || el.getAttribute('type') || '';
    return `${el.localName}${el.type && el.localName === 'input' ? `[${el.type}]` : ''} "${label.trim().replace(/\s+/g, ' ').slice(0, 40)}"`;
  };
  const box = (r) => `[${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}×${Math.round(r.height)}]`;
  const inside = (r, outer) => r.left >= outer.left - slack && r.top >= outer.top - slack && r.right <= outer.right + slack && r.bottom <= outer.bottom + slack;
  const viewport = { left: 0, top: 0, right: width, bottom: height };
  const panels = controls.length ? [...new Set(controls.map((el) => el.getRootNode()))].flatMap((root) => [...root.querySelectorAll('[part~="panel"]')]) : [];
  const panel = panels.find((p) => p.getClientRects().length > 0) ?? null;

  const scrolled = [];
  const report = [];
  for (const el of controls) {
    if (el.getClientRects().length === 0 || !el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
    let r = el.getBoundingClientRect();
    const entry = { control: name(el), box: box(r), where: 'outside' };
    report.push(entry);
    if (r.width < 1 || r.height < 1) {
      problems.push(`${entry.control} is rendered with no size ${box(r)}`);
      continue;
    }
    if (panel && deepContains(panel, el)) {
      entry.where = 'panel';
      // Bring it into view the way a listener would: by scrolling what can be scrolled.
      el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      for (let n = parentOf(el); n; n = parentOf(n)) {
        if (n.scrollTop === 0 && n.scrollLeft === 0) continue;
        const style = getComputedStyle(n);
        const userScrollable = /auto|scroll/.test(style.overflowY + style.overflowX) && deepContains(panel, n);
        scrolled.push(n);
        if (!userScrollable || n === document.documentElement || n === document.body) {
          problems.push(`${entry.control} can only be reached by scrolling <${n.localName} class="${n.className}">, which the listener cannot scroll`);
        }
      }
      r = el.getBoundingClientRect();
      const p = panel.getBoundingClientRect();
      entry.box = box(r);
      // A control taller than the panel (a long cue of a transcript, its words a button) cannot be seen whole:
      // it is read by scrolling through it. Its width must fit, and the part of it in view must be it.
      let scroller = parentOf(el);
      while (scroller && scroller !== panel && !/auto|scroll/.test(getComputedStyle(scroller).overflowY)) scroller = parentOf(scroller);
      const view = scroller ? scroller.getBoundingClientRect() : p;
      const tall = r.height > view.height;
      const seen = tall ? { left: r.left, right: r.right, top: Math.max(r.top, view.top), bottom: Math.min(r.bottom, view.bottom) } : r;
      if (!inside(seen, p)) problems.push(`${entry.control} ${box(r)} is not inside its panel ${box(p)}, even scrolled to`);
      if (!inside(seen, viewport)) problems.push(`${entry.control} ${box(r)} is outside the frame's viewport ${width}×${height}, even scrolled to`);
      const hit = hitAt((seen.left + seen.right) / 2, (seen.top + seen.bottom) / 2);
      if (!hit || !deepContains(el, hit) && !(el.labels && [...el.labels].some((l) => deepContains(l, hit)))) {
        problems.push(`${entry.control} ${box(r)} is covered (the point at its centre hits ${hit ? name(hit) : 'nothing'})`);
      }
      for (const n of scrolled.splice(0)) {
        n.scrollTop = 0;
        n.scrollLeft = 0;
      }
      continue;
    }
    const cx = (r.left + r.right) / 2;
    const cy = (r.top + r.bottom) / 2;
    const hit = cx >= 0 && cy >= 0 && cx < width && cy < height ? hitAt(cx, cy) : null;
    if (panel && hit && deepContains(panel, hit)) {
      entry.where = 'covered by the panel';
      continue;
    }
    if (!inside(r, viewport)) problems.push(`${entry.control} ${box(r)} is outside the frame's viewport ${width}×${height}`);
    else if (!hit || !deepContains(el, hit)) problems.push(`${entry.control} ${box(r)} is covered or clipped (the point at its centre hits ${hit ? name(hit) : 'nothing'})`);
  }
  if (page.scrollTop !== 0 || page.scrollLeft !== 0) problems.push('the page itself was scrolled');
  return { problems, controls: report, panel: panel ? box(panel.getBoundingClientRect()) : null, viewport: `${width}×${height}` };
}
