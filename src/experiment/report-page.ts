import type UPlot from 'uplot';
import { fmt } from './format';
import type { BandChart, ReportData } from './report-data';

// The script of report.html, run in the reader's browser: it reads the embedded chart data and
// draws one uPlot per chart element — the mean per arm as a line and its 95% CI across seeds as
// a shaded band — with a shared cursor and a one-line readout under each chart. Charts inside a
// closed <details> are drawn when it first opens (they have no width before that).
// scripts/build-cli.mjs compiles it with esbuild into dist/report-page.js, which the report
// inlines after uPlot (src/experiment/outputs.ts in Node, src/app/ensemble/report-page.ts in
// the page): the same bytes either way.

/** uPlot, loaded by the report as a plain script before this one. */
declare const uPlot: typeof UPlot;

const data = JSON.parse(document.getElementById('report-data')!.textContent!) as ReportData;

/** Axis ticks: compact for large values so a narrow axis never clips them. */
function tick(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e6) return `${+(v / 1e6).toPrecision(3)}M`;
  if (a >= 1e4) return `${+(v / 1e3).toPrecision(3)}k`;
  return String(+v.toPrecision(6));
}

function rgba(hex: string, alpha: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${alpha})`;
}

function chartFor(el: Element): BandChart {
  const list = el.getAttribute('data-kind') === 'diff' ? data.differences : data.trajectories;
  return list[Number(el.getAttribute('data-index'))];
}

function draw(el: HTMLElement): void {
  if (el.getAttribute('data-drawn')) return;
  const width = el.clientWidth;
  if (!width) return;
  el.setAttribute('data-drawn', '1');
  const chart = chartFor(el);
  const cols: (number | null)[][] = [data.days];
  const series: UPlot.Series[] = [{ label: 'day' }];
  const bands: UPlot.Band[] = [];
  const shown: { arm: ReportData['arms'][number]; i: number }[] = [];
  if (el.getAttribute('data-kind') === 'diff') {
    cols.push(data.days.map(() => 0));
    series.push({ label: 'zero', stroke: '#999', width: 1, dash: [4, 4], points: { show: false } });
  }
  for (const arm of data.arms) {
    const b = chart.bands[arm.name];
    if (!b) continue;
    const i = cols.length;
    cols.push(b.mean, b.hi, b.lo);
    series.push(
      { label: arm.name, stroke: arm.colour, width: 2, points: { show: false } },
      { label: `${arm.name} upper`, stroke: 'transparent', width: 0, points: { show: false } },
      { label: `${arm.name} lower`, stroke: 'transparent', width: 0, points: { show: false } },
    );
    bands.push({ series: [i + 1, i + 2], fill: rgba(arm.colour, 0.16) });
    shown.push({ arm, i });
  }
  const readout = document.createElement('div');
  readout.className = 'readout';
  readout.textContent = '\u00a0';
  const font = '11px system-ui, sans-serif';
  const opts: UPlot.Options = {
    width,
    height: 190,
    legend: { show: false },
    cursor: { sync: { key: 'exocascade' }, points: { size: 6 } },
    scales: { x: { time: false } },
    axes: [
      { label: 'day', size: 34, labelSize: 14, font, labelFont: font },
      { size: 50, font, values: (_u, vals) => vals.map(tick) },
    ],
    series,
    bands,
    hooks: {
      setCursor: [(u) => {
        const k = u.cursor.idx;
        if (k === null || k === undefined) {
          readout.textContent = '\u00a0';
          return;
        }
        readout.textContent = '';
        const head = document.createElement('span');
        head.textContent = `day ${fmt(data.days[k])} (tick ${data.ticks[k]})`;
        readout.appendChild(head);
        for (const s of shown) {
          const item = document.createElement('span');
          item.style.color = s.arm.colour;
          item.textContent = `  ${s.arm.name} ${fmt(cols[s.i][k])} [${fmt(cols[s.i + 2][k])}, ${fmt(cols[s.i + 1][k])}]`;
          readout.appendChild(item);
        }
      }],
    },
  };
  new uPlot(opts, cols as UPlot.AlignedData, el);
  el.appendChild(readout);
}

function drawAll(root: ParentNode): void {
  root.querySelectorAll<HTMLElement>('.chart').forEach(draw);
}

drawAll(document);
document.querySelectorAll('details').forEach((d) => {
  d.addEventListener('toggle', () => {
    if (d.open) drawAll(d);
  });
});
