// Monitoraggio reports: each <figure data-grafico> becomes a Chart.js chart (line over the reference dates, horizontal
// bars per measure, ente, state, province, Comune). Without JavaScript the server-drawn SVG stays; the table that
// follows every chart is the accessible alternative either way.
(function () {
  'use strict';
  if (!window.Chart) return;
  var colours = { richiesto: '#0066cc', deliberato: '#d9364f', erogato: '#008758' };
  var euro = new Intl.NumberFormat('it-IT', { style: 'currency', currency: 'EUR' });
  var compact = new Intl.NumberFormat('it-IT', { notation: 'compact', maximumFractionDigits: 1 });
  document.querySelectorAll('figure[data-grafico]').forEach(function (figure) {
    var spec;
    try { spec = JSON.parse(figure.getAttribute('data-grafico')); } catch (e) { return; }
    var bar = spec.tipo === 'bar';
    var box = document.createElement('div');
    box.className = 'grafico-monitoraggio';
    box.style.position = 'relative';
    box.style.width = '100%';
    box.style.height = (bar ? Math.max(160, spec.etichette.length * 34 + 70) : 280) + 'px';
    var canvas = document.createElement('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', spec.titolo);
    canvas.setAttribute('data-testid', 'chart-' + spec.id);
    canvas.textContent = spec.titolo;
    box.appendChild(canvas);
    var svg = figure.querySelector('svg');
    if (svg) svg.replaceWith(box); else figure.insertBefore(box, figure.firstChild);
    var legend = figure.querySelector('[data-legenda]');
    if (legend) legend.remove();
    var valueAxis = { beginAtZero: true, ticks: { callback: function (v) { return compact.format(v) + ' €'; } } };
    new window.Chart(canvas, {
      type: spec.tipo,
      data: {
        labels: spec.etichette,
        datasets: spec.serie.map(function (s) {
          return { label: s.nome, data: s.valori, borderColor: colours[s.chiave], backgroundColor: colours[s.chiave], borderWidth: bar ? 0 : 3, tension: 0.2 };
        })
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        indexAxis: bar ? 'y' : 'x',
        locale: 'it-IT',
        scales: bar ? { x: valueAxis } : { y: valueAxis },
        plugins: {
          legend: { position: 'bottom' },
          tooltip: { callbacks: { label: function (c) { return c.dataset.label + ': ' + euro.format(bar ? c.parsed.x : c.parsed.y); } } }
        }
      }
    });
    figure.setAttribute('data-grafico-pronto', 'true');
  });
})();
