// The plain-JavaScript baseline (tests/e2e/bench/baseline.mjs): the app's jobs table built with
// document.createElement and updated in place, no framework.
//
// Its data is what the app showed: window.BENCH_DATA = { positions: [{ rows, count, pager }] },
// one entry per clock position, each row in the shape readJobTable() (scenario.mjs) reads off the
// app's table. On load it renders positions[0]; plainTick(k) moves the table to positions[k] the
// way the app's rows update: rows keyed by job name, and in each row only the cells whose text
// changed are written. plainLoad() empties the table and renders positions[0] again.
'use strict';
(() => {
  const data = window.BENCH_DATA ?? { positions: [{ rows: [], count: 'No data: run node tests/e2e/bench/baseline.mjs', pager: null }] };
  const tbody = document.querySelector('table[aria-label=Jobs] tbody');
  const count = document.querySelector('.row-count');
  const pager = document.querySelector('nav.pager');
  const pagerText = pager.querySelector('span');
  /** name → { tr, the nodes that change, the values they show } */
  let shown = new Map();

  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  };
  const whyButton = (label) => {
    const b = el('button', 'why-btn');
    b.type = 'button';
    b.setAttribute('aria-label', label);
    b.title = label;
    b.setAttribute('aria-expanded', 'false');
    return b;
  };
  const cell = (cls, label) => {
    const td = el('td', cls);
    if (label) td.dataset.label = label;
    return td;
  };

  function build(r) {
    const tr = document.createElement('tr');
    const name = cell('c-name');
    name.append(el('button', 'link job-link', r.n));
    const type = cell('c-type', 'Type');
    const typeText = document.createTextNode('');
    type.append(typeText);
    const status = cell('c-status');
    const badge = el('span', '');
    const flag = el('span', 'flag overdue-flag');
    const del = el('span', 'deleted-note');
    status.append(badge, ' ', flag, del, ' ');
    const account = cell('c-account', 'Storage account');
    const created = cell('num c-created', 'Created');
    const percentCell = cell('num c-percent', 'Percent complete');
    const percent = el('span', 'percent');
    percentCell.append(percent);
    const expires = cell('num c-expires', 'Expires in');
    const expiresText = document.createTextNode('');
    expires.append(expiresText);
    tr.append(name, type, status, account, created, percentCell, expires);
    const row = { tr, typeText, status, badge, flag, del, account, created, percent, expires, expiresText, v: {} };
    update(row, r);
    return row;
  }

  /** Writes only what differs from what the row shows. */
  function update(row, r) {
    const v = row.v;
    if (v.sel !== r.sel) row.tr.classList.toggle('selected', r.sel);
    if (v.ty !== r.ty) row.typeText.data = r.ty;
    if (v.st !== r.st) {
      row.badge.className = `status job-status status-${r.st}`;
      row.badge.textContent = r.st;
    }
    if (v.od !== r.od) row.flag.textContent = r.od;
    if (v.odh !== r.odh) row.flag.hidden = r.odh;
    if (v.del !== r.del) row.del.textContent = r.del;
    if (v.ws !== r.ws) {
      row.status.querySelector('.why-btn')?.remove();
      if (r.ws != null) row.status.append(whyButton(r.ws));
    }
    if (v.acc !== r.acc) row.account.textContent = r.acc;
    if (v.cr !== r.cr) row.created.textContent = r.cr;
    if (v.crt !== r.crt) row.created.title = r.crt;
    if (v.pc !== r.pc) row.percent.textContent = r.pc;
    if (v.ex !== r.ex) row.expiresText.data = r.ex;
    if (v.ext !== r.ext) {
      if (r.ext == null) row.expires.removeAttribute('title');
      else row.expires.title = r.ext;
    }
    if (v.wc !== r.wc) {
      row.expires.querySelector('.why-btn')?.remove();
      if (r.wc != null) row.expires.append(whyButton(r.wc));
    }
    row.v = r;
  }

  function show(k) {
    const pos = data.positions[k];
    const next = new Map(pos.rows.map((r) => [r.n, null]));
    for (const [name, row] of shown) if (!next.has(name)) row.tr.remove();
    let before = tbody.firstChild;
    for (const r of pos.rows) {
      let row = shown.get(r.n);
      if (row) update(row, r);
      else row = build(r);
      next.set(r.n, row);
      // Keyed order: move or insert only a row that is not already in its place.
      if (row.tr !== before) tbody.insertBefore(row.tr, before);
      else before = before.nextSibling;
    }
    shown = next;
    if (count.textContent !== pos.count) count.textContent = pos.count;
    pager.hidden = pos.pager == null;
    if (pos.pager != null && pagerText.textContent !== pos.pager) pagerText.textContent = pos.pager;
  }

  window.plainTick = show;
  window.plainLoad = () => {
    tbody.textContent = '';
    shown = new Map();
    show(0);
  };
  show(0);
})();
