// What tests/test_site_look.py measures on a page, in the page: run with Selenium's
// execute_script, it returns {overflow, overlaps, spill, labels}, each a list of what is wrong (empty: fine).
'use strict';

// Every box that has text or is a picture (each line of an inline element its own box),
// outside Material's own chrome (its hidden search dialog, the topic that shows on scroll)
// and what is visually hidden for screen readers: what a reader sees.
function hidden(el) {
  for (let a = el; a; a = a.parentElement) {
    const s = getComputedStyle(a);
    if (s.display === 'none' || s.visibility === 'hidden' || s.opacity === '0') return true;
    if (s.clip !== 'auto' || (s.clipPath !== 'none' && s.clipPath !== '')) return true;
  }
  return false;
}

function leaves() {
  const boxes = [];
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest('.md-search, [hidden], .lightbox, svg *') || hidden(el)) continue;
    const own = Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own && !['IMG', 'svg', 'INPUT', 'SELECT', 'BUTTON'].includes(el.tagName)) continue;
    // A box inside a scroll frame is seen only where the frame shows it. The page itself
    // (html, body: Material makes them the screen's height) scrolls, it does not hide.
    let clip = {left: -1e9, top: -1e9, right: 1e9, bottom: 1e9};
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (/(auto|scroll|hidden|clip)/.test(s.overflowX + s.overflowY)) {
        const c = a.getBoundingClientRect();
        clip = {
          left: Math.max(clip.left, c.left), top: Math.max(clip.top, c.top),
          right: Math.min(clip.right, c.right), bottom: Math.min(clip.bottom, c.bottom),
        };
      }
    }
    const parts = [];
    for (const r of el.getClientRects()) {
      const box = {
        left: Math.max(r.left, clip.left), top: Math.max(r.top, clip.top),
        right: Math.min(r.right, clip.right), bottom: Math.min(r.bottom, clip.bottom),
      };
      if (box.right - box.left >= 2 && box.bottom - box.top >= 2) parts.push(box);
    }
    if (parts.length) boxes.push([el, parts]);
  }
  return boxes;
}

function name(el) {
  const cls = typeof el.className === 'string' && el.className ? '.' + el.className.split(' ')[0] : '';
  return el.tagName.toLowerCase() + cls + ' "' + (el.textContent || '').trim().slice(0, 30) + '"';
}

// A control's own adornment (a search field's clear button) sits inside it by design.
function adornment(a, b) {
  return a.tagName === 'INPUT' && getComputedStyle(b).position === 'absolute' && a.parentElement.contains(b);
}

function cover(ra, rb) {
  const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
  const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
  return w > 3 && h > 3;
}

function overlaps() {
  const boxes = leaves();
  const found = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, pa] = boxes[i], [b, pb] = boxes[j];
      if (a.contains(b) || b.contains(a) || adornment(a, b) || adornment(b, a)) continue;
      if (pa.some(ra => pb.some(rb => cover(ra, rb)))) found.push(name(a) + ' / ' + name(b));
    }
  }
  return found.slice(0, 40);
}

// An element whose box runs past the right edge of the screen, unless a scroll frame
// around it holds it.
function overflow() {
  const out = [];
  const width = document.documentElement.clientWidth;
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= width + 1 || el.closest('[hidden], .md-search')) continue;
    let framed = false;
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (/(auto|scroll|hidden|clip)/.test(s.overflowX) && a.getBoundingClientRect().right <= width + 1) {
        framed = true;
        break;
      }
    }
    if (!framed && getComputedStyle(el).position !== 'fixed') out.push(name(el) + ' ' + Math.round(r.right));
  }
  return out.slice(0, 10);
}

// Text or a picture that runs out of its table cell's content box (a code too long for a card
// on a phone runs into the padding and over the card's border).
function spill() {
  const out = [];
  for (const [el, parts] of leaves()) {
    const cell = el.parentElement && el.parentElement.closest('td, th');  // an element inside a cell
    if (!cell) continue;
    const edge = cell.getBoundingClientRect().right - parseFloat(getComputedStyle(cell).paddingRight);
    // Each line of inline code carries its own padding (box-decoration-break: clone).
    const pad = parseFloat(getComputedStyle(el).paddingRight);
    if (parts.some(r => r.right > edge + pad + 1)) out.push(name(el) + ' past ' + Math.round(edge));
  }
  return out.slice(0, 10);
}

// On a phone a case's table is a card per row, each value under its column's name (the cell's
// ::before, drawn from data-label): a name taller than its value must still be inside the card.
function labels() {
  const out = [];
  for (const td of document.querySelectorAll('table.kartu td[data-label]')) {
    if (hidden(td)) continue;
    const label = getComputedStyle(td, '::before');
    const height = parseFloat(label.height);
    if (label.content === 'none' || Number.isNaN(height)) continue;
    const s = getComputedStyle(td);
    const room = td.getBoundingClientRect().height - parseFloat(s.paddingTop) - parseFloat(s.paddingBottom);
    if (height > room + 1) out.push(name(td) + ' "' + td.dataset.label + '" ' + Math.round(height) + ' > ' + Math.round(room));
  }
  return out.slice(0, 10);
}

return {overflow: overflow(), overlaps: overlaps(), spill: spill(), labels: labels()};
