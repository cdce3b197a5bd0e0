// Draws a workflow definition as an SVG state diagram: states in layers from the initial one (left to right),
// transitions as labelled arrows; each state is a link (keyboard focusable) to the list of its instances.
(function () {
  'use strict';
  var NS = 'http://www.w3.org/2000/svg';
  var BOX_W = 200, BOX_H = 72, COL_GAP = 150, ROW_GAP = 70, MARGIN = 30;

  function el(name, attrs, parent) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (parent) parent.appendChild(node);
    return node;
  }

  function text(parent, x, y, value, attrs) {
    var t = el('text', Object.assign({ x: x, y: y, 'text-anchor': 'middle' }, attrs || {}), parent);
    t.textContent = value;
    return t;
  }

  // Splits a label into at most two lines of about max characters, at spaces.
  function wrap(value, max) {
    if (value.length <= max) return [value];
    var cut = value.lastIndexOf(' ', max);
    if (cut <= 0) cut = max;
    return [value.slice(0, cut).trim(), value.slice(cut).trim()];
  }

  function shorten(value, max) { return value.length > max ? value.slice(0, max - 1) + '…' : value; }

  // Layer of each state: breadth-first distance from the initial state; unreachable states go last.
  function layers(data) {
    var layer = {}, order = [], queue = [data.initial];
    layer[data.initial] = 0;
    while (queue.length) {
      var s = queue.shift();
      order.push(s);
      data.transitions.forEach(function (t) {
        if (t.from.indexOf(s) >= 0 && layer[t.to] === undefined) { layer[t.to] = layer[s] + 1; queue.push(t.to); }
      });
    }
    var max = order.reduce(function (m, s) { return Math.max(m, layer[s]); }, 0);
    data.states.forEach(function (s) { if (layer[s.code] === undefined) { layer[s.code] = max + 1; order.push(s.code); } });
    return { layer: layer, order: order };
  }

  function edgeLabel(t) { return shorten(t.label, 60) + (t.timer ? ' (' + t.timer + ')' : ''); }

  function draw(container, data) {
    var l = layers(data), pos = {}, rows = {};
    // Columns are as far apart as the longest label of an arrow between them needs.
    var widest = data.transitions.reduce(function (m, t) { return Math.max(m, edgeLabel(t).length * 6.6 + 30); }, 0);
    COL_GAP = Math.min(Math.max(150, widest), 420);
    l.order.forEach(function (code) {
      var col = l.layer[code], row = rows[col] || 0;
      rows[col] = row + 1;
      pos[code] = { x: MARGIN + col * (BOX_W + COL_GAP), y: MARGIN + 20 + row * (BOX_H + ROW_GAP) };
    });
    var width = 0, height = 0;
    Object.keys(pos).forEach(function (c) { width = Math.max(width, pos[c].x + BOX_W + MARGIN); height = Math.max(height, pos[c].y + BOX_H + MARGIN + 40); });

    var svg = el('svg', { viewBox: '0 0 ' + width + ' ' + height, width: width, height: height, class: 'workflow-svg' });
    var title = el('title', {}, svg);
    title.textContent = 'Diagramma degli stati';
    var defs = el('defs', {}, svg);
    var marker = el('marker', { id: 'freccia', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 8, markerHeight: 8, orient: 'auto-start-reverse' }, defs);
    el('path', { d: 'M 0 0 L 10 5 L 0 10 z', fill: '#17324d' }, marker);

    var taken = Object.keys(pos).map(function (c) { return { x: pos[c].x, y: pos[c].y, w: BOX_W, h: BOX_H }; });
    function freeSpot(x, y, w, h) {
      var clash = function (r) { return x < r.x + r.w && r.x < x + w && y < r.y + r.h + 2 && r.y < y + h + 2; };
      for (var tries = 0; tries < 40 && taken.some(clash); tries++) y += h + 2;
      taken.push({ x: x, y: y, w: w, h: h });
      return y;
    }

    var edges = el('g', { class: 'transizioni' }, svg);
    var pairCount = {};
    data.transitions.forEach(function (t) {
      t.from.forEach(function (from) {
        var a = pos[from], b = pos[t.to];
        if (!a || !b) return;
        var key = from + '>' + t.to, n = pairCount[key] || 0;
        pairCount[key] = n + 1;
        var path, lx, ly;
        if (from === t.to) {
          path = 'M ' + (a.x + BOX_W * 0.35) + ' ' + a.y + ' C ' + (a.x + BOX_W * 0.35) + ' ' + (a.y - 50) + ', ' + (a.x + BOX_W * 0.65) + ' ' + (a.y - 50) + ', ' + (a.x + BOX_W * 0.65) + ' ' + a.y;
          lx = a.x + BOX_W / 2; ly = a.y - 42 - n * 16;
        } else if (l.layer[t.to] > l.layer[from]) {
          var x1 = a.x + BOX_W, y1 = a.y + BOX_H / 2 + n * 10, x2 = b.x, y2 = b.y + BOX_H / 2 + n * 10;
          path = 'M ' + x1 + ' ' + y1 + ' C ' + (x1 + COL_GAP / 2) + ' ' + y1 + ', ' + (x2 - COL_GAP / 2) + ' ' + y2 + ', ' + x2 + ' ' + y2;
          lx = (x1 + x2) / 2; ly = (y1 + y2) / 2 - 6 - n * 16;
        } else {
          // Backward or same-layer arrows go round underneath the boxes.
          var sx = a.x + BOX_W / 2 - 20, sy = a.y + BOX_H, ex = b.x + BOX_W / 2 + 20, ey = b.y + BOX_H;
          var depth = 45 + n * 18;
          path = 'M ' + sx + ' ' + sy + ' C ' + sx + ' ' + (Math.max(sy, ey) + depth) + ', ' + ex + ' ' + (Math.max(sy, ey) + depth) + ', ' + ex + ' ' + ey;
          lx = (sx + ex) / 2; ly = Math.max(sy, ey) + depth * 0.75 + 4;
        }
        var g = el('g', { class: 'transizione' }, edges);
        el('path', { d: path, fill: 'none', stroke: '#17324d', 'stroke-width': 1.5, 'marker-end': 'url(#freccia)' }, g);
        var label = edgeLabel(t);
        var w = label.length * 6.6 + 10;
        // Labels never overlap each other or a state: a label that would is moved down a line at a time.
        ly = freeSpot(lx - w / 2, ly - 12, w, 16) + 12;
        el('rect', { x: lx - w / 2, y: ly - 12, width: w, height: 16, fill: '#ffffff', rx: 3 }, g);
        var tt = text(g, lx, ly, label, { 'font-size': 12, fill: '#17324d' });
        var full = el('title', {}, tt);
        full.textContent = t.label + ': da «' + from + '» a «' + t.to + '»' + (t.timer ? ', automatica ' + t.timer : '');
      });
    });

    var nodes = el('g', { class: 'stati' }, svg);
    data.states.forEach(function (s) {
      var p = pos[s.code];
      var count = s.count === 1 ? '1 pratica' : s.count + ' pratiche';
      var kind = s.code === data.initial ? ', stato iniziale' : s.terminal ? ', stato finale' : '';
      // The accessible name starts with the visible text (label and count), as axe's label-content-name-mismatch requires.
      var link = el('a', { href: '?stato=' + encodeURIComponent(s.code) + '#pratiche', class: 'stato', 'aria-label': s.label + ' ' + count + kind }, nodes);
      el('rect', { x: p.x, y: p.y, width: BOX_W, height: BOX_H, rx: 8, fill: s.code === data.initial ? '#e8f1fb' : '#ffffff',
        stroke: '#0059b3', 'stroke-width': s.terminal ? 4 : 2 }, link);
      var lines = wrap(s.label, 26);
      var t = el('text', { 'text-anchor': 'middle', fill: '#17324d' }, link);
      var top = p.y + (lines.length > 1 ? 20 : 28);
      lines.forEach(function (line, i) {
        if (i > 0) t.appendChild(document.createTextNode(' '));
        var span = el('tspan', { x: p.x + BOX_W / 2, y: top + i * 17, 'font-size': 14, 'font-weight': 600 }, t);
        span.textContent = line;
      });
      t.appendChild(document.createTextNode(' '));
      var c = el('tspan', { x: p.x + BOX_W / 2, y: top + lines.length * 17 + 4, 'font-size': 13 }, t);
      c.textContent = count;
    });
    container.appendChild(svg);
    // The drawing's real extent (loops above the first row, arrows and labels under the last) decides the view box, so
    // nothing is cut; the drawing shrinks to the box's width on narrow screens rather than being clipped.
    var box = svg.getBBox();
    var vx = Math.min(0, box.x - 10), vy = Math.min(0, box.y - 10);
    var vw = Math.max(width, box.x + box.width + 10) - vx, vh = Math.max(height, box.y + box.height + 10) - vy;
    svg.setAttribute('viewBox', vx + ' ' + vy + ' ' + vw + ' ' + vh);
    svg.setAttribute('width', vw);
    svg.setAttribute('height', vh);
    svg.style.maxWidth = '100%';
    svg.style.height = 'auto';
  }

  document.querySelectorAll('[data-diagram]').forEach(function (container) {
    var source = document.getElementById(container.getAttribute('data-diagram'));
    if (source) draw(container, JSON.parse(source.textContent));
  });
})();
