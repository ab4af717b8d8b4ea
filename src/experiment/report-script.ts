// The report's in-page script, as text to inline after uPlot. Plain ES5-style JavaScript (it is
// not compiled): it reads the embedded chart data and draws one uPlot per chart element — the
// mean per arm as a line and its 95% CI across seeds as a shaded band — with a shared cursor
// and a one-line readout under each chart. Charts inside a closed <details> are drawn when it
// first opens (they have no width before that).

/** The script source; expects `uPlot` global and a `#report-data` JSON element. */
export const REPORT_SCRIPT = String.raw`
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var MINUS = '\u2212';
  function fmt(v) {
    if (v === null || v === undefined || isNaN(v)) return '\u2014';
    var a = Math.abs(v), s;
    if (a === 0) s = '0';
    else if (a >= 1e6 || a < 1e-3) s = a.toPrecision(3).replace('e+', 'e');
    else if (a >= 100) s = a.toFixed(0);
    else if (a >= 10) s = a.toFixed(1);
    else if (a >= 1) s = a.toFixed(2);
    else s = a.toPrecision(3);
    return v < 0 ? MINUS + s : s;
  }
  // Axis ticks: compact for large values so a narrow axis never clips them.
  function tick(v) {
    var a = Math.abs(v);
    if (a >= 1e6) return String(+(v / 1e6).toPrecision(3)) + 'M';
    if (a >= 1e4) return String(+(v / 1e3).toPrecision(3)) + 'k';
    return String(+v.toPrecision(6));
  }
  function rgba(hex, alpha) {
    var n = parseInt(hex.slice(1), 16);
    return 'rgba(' + ((n >> 16) & 255) + ',' + ((n >> 8) & 255) + ',' + (n & 255) + ',' + alpha + ')';
  }
  function chartFor(el) {
    var list = el.getAttribute('data-kind') === 'diff' ? data.differences : data.trajectories;
    return list[Number(el.getAttribute('data-index'))];
  }
  function draw(el) {
    if (el.getAttribute('data-drawn')) return;
    var width = el.clientWidth;
    if (!width) return;
    el.setAttribute('data-drawn', '1');
    var chart = chartFor(el);
    var isDiff = el.getAttribute('data-kind') === 'diff';
    var cols = [data.days];
    var series = [{ label: 'day' }];
    var bands = [];
    var shown = [];
    if (isDiff) {
      cols.push(data.days.map(function () { return 0; }));
      series.push({ label: 'zero', stroke: '#999', width: 1, dash: [4, 4], points: { show: false } });
    }
    data.arms.forEach(function (arm) {
      var b = chart.bands[arm.name];
      if (!b) return;
      var i = cols.length;
      cols.push(b.mean, b.hi, b.lo);
      series.push(
        { label: arm.name, stroke: arm.colour, width: 2, points: { show: false } },
        { label: arm.name + ' upper', stroke: 'transparent', width: 0, points: { show: false } },
        { label: arm.name + ' lower', stroke: 'transparent', width: 0, points: { show: false } }
      );
      bands.push({ series: [i + 1, i + 2], fill: rgba(arm.colour, 0.16) });
      shown.push({ arm: arm, i: i });
    });
    var readout = document.createElement('div');
    readout.className = 'readout';
    readout.textContent = '\u00a0';
    var opts = {
      width: width,
      height: 190,
      legend: { show: false },
      cursor: { sync: { key: 'exocascade' }, points: { size: 6 } },
      scales: { x: { time: false } },
      axes: [
        { label: 'day', size: 34, labelSize: 14, font: '11px system-ui, sans-serif', labelFont: '11px system-ui, sans-serif' },
        { size: 50, font: '11px system-ui, sans-serif', values: function (u, vals) { return vals.map(tick); } }
      ],
      series: series,
      bands: bands,
      hooks: {
        setCursor: [function (u) {
          var k = u.cursor.idx;
          if (k === null || k === undefined) { readout.textContent = '\u00a0'; return; }
          readout.textContent = '';
          var head = document.createElement('span');
          head.textContent = 'day ' + fmt(data.days[k]) + ' (tick ' + data.ticks[k] + ')';
          readout.appendChild(head);
          shown.forEach(function (s) {
            var item = document.createElement('span');
            item.style.color = s.arm.colour;
            item.textContent = '  ' + s.arm.name + ' ' + fmt(cols[s.i][k]) + ' [' + fmt(cols[s.i + 2][k]) + ', ' + fmt(cols[s.i + 1][k]) + ']';
            readout.appendChild(item);
          });
        }]
      }
    };
    new uPlot(opts, cols, el);
    el.appendChild(readout);
  }
  function drawAll(root) {
    Array.prototype.forEach.call(root.querySelectorAll('.chart'), draw);
  }
  drawAll(document);
  Array.prototype.forEach.call(document.querySelectorAll('details'), function (d) {
    d.addEventListener('toggle', function () { if (d.open) drawAll(d); });
  });
})();
`;
