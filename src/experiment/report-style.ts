// The report's stylesheet: quiet typography, tabular numbers, tables that read left to right,
// and a responsive grid of small-multiple charts. Kept apart so the page builder stays short.

/** CSS inlined into report.html after uPlot's own. */
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1d1d1f; --muted: #6b6b70; --rule: #e3e3e6; --hi: #fff8e1; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fafafa; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 64px; background: #fff; min-height: 100vh; }
h1 { font-size: 22px; margin: 0 0 6px; font-weight: 650; }
h2 { font-size: 17px; margin: 34px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--rule); font-weight: 620; }
h3 { font-size: 14px; margin: 20px 0 8px; font-weight: 620; display: flex; align-items: center; gap: 8px; }
code { font: 12.5px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.meta, .note, .doc, .hash, .ci { color: var(--muted); }
.meta { margin: 0 0 10px; }
.note { font-size: 12.5px; max-width: 80ch; }
.legend { list-style: none; padding: 0; margin: 6px 0 0; display: flex; flex-wrap: wrap; gap: 6px 22px; }
.legend .hash { font-size: 11.5px; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 3px; margin-right: 6px; vertical-align: -1px; }
table.effects { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
.effects th { text-align: left; font-weight: 560; font-size: 12px; color: var(--muted); border-bottom: 1px solid var(--rule); padding: 6px 8px; vertical-align: bottom; }
.effects td { border-bottom: 1px solid var(--rule); padding: 5px 8px; vertical-align: middle; }
.effects td.num { white-space: nowrap; text-align: right; }
.effects td.strong { font-weight: 600; }
.effects .ci { display: block; font-size: 11.5px; font-weight: 400; }
.effects .doc { font-size: 11.5px; }
.effects tr.resolved td { background: var(--hi); }
.effects td.metric { min-width: 200px; max-width: 320px; }
svg text { font: 11.5px system-ui, sans-serif; fill: #444; }
svg.organs { max-width: 100%; height: auto; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(340px, 1fr)); gap: 16px 22px; }
figure { margin: 0; min-width: 0; }
figcaption { font-size: 12.5px; margin-bottom: 2px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.chart { width: 100%; min-height: 190px; }
.readout { font-size: 11.5px; color: var(--muted); min-height: 1.4em; font-variant-numeric: tabular-nums; }
details { margin: 16px 0; }
summary { cursor: pointer; font-weight: 560; }
.method p { max-width: 90ch; }
`;
