export const dashboardStyle = `
:root { --ink: #1d2430; --muted: #5b6473; --line: #d9dee6; --bg: #f6f7f9; --accent: #a31d1d; --bar: #2f6db5; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink); background: var(--bg); }
.top { display: flex; justify-content: space-between; align-items: center; gap: 1rem; padding: 1rem 1.5rem; background: #fff; border-bottom: 3px solid var(--accent); flex-wrap: wrap; }
.top h1 { margin: 0; font-size: 1.4rem; }
.sub { margin: .2rem 0 0; color: var(--muted); }
nav { display: flex; gap: .8rem; align-items: center; flex-wrap: wrap; }
nav input { width: 6rem; padding: .3rem; }
nav button { padding: .35rem .8rem; border: 1px solid var(--line); background: #fff; border-radius: 4px; cursor: pointer; }
main { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(560px, 100%), 1fr)); gap: 1rem; padding: 1rem 1.5rem; }
section { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 1rem; min-width: 0; overflow-wrap: anywhere; }
h2 { margin: 0 0 .8rem; font-size: 1.1rem; }
h3 { margin: 0; font-size: 1rem; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(120px, 1fr)); gap: .6rem; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: .6rem; }
.card-label { color: var(--muted); font-size: .85rem; }
.card-value { font-size: 1.6rem; font-weight: 700; }
.parts { list-style: none; margin: .3rem 0 0; padding: 0; font-size: .85rem; }
.chart svg, .target svg { width: 100%; height: auto; }
.bar { fill: var(--bar); }
.axis { fill: var(--muted); font-size: 11px; }
.value { fill: var(--ink); font-size: 12px; font-weight: 600; }
.grid { stroke: #eef0f3; }
.goal-line { stroke: #888; stroke-width: 2; stroke-dasharray: 6 4; }
.actual { fill: none; stroke-width: 3; }
.milestone { stroke: #333; stroke-width: 1.5; }
.milestone.met { fill: #1b7f3b; } .milestone.missed { fill: #b3261e; } .milestone.pending { fill: #fff; }
.target { border-top: 1px solid var(--line); padding-top: .6rem; margin-top: .6rem; }
.target header { display: flex; justify-content: space-between; align-items: center; gap: .5rem; }
.badge { color: #fff; border-radius: 10px; padding: .1rem .6rem; font-size: .8rem; white-space: nowrap; }
.figures { color: var(--muted); margin: .3rem 0; }
.figures strong { color: var(--ink); }
.legend { font-size: .8rem; color: var(--muted); display: flex; gap: 1rem; }
.key::before { content: ""; display: inline-block; width: 18px; margin-right: .3rem; vertical-align: middle; border-top: 3px solid #333; }
.actual-key::before { border-top-color: inherit; }
.goal-key::before { border-top: 2px dashed #888; }
.ms-key::before { width: 10px; height: 10px; border: 1.5px solid #333; border-radius: 50%; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .25rem .4rem; border-bottom: 1px solid var(--line); font-weight: normal; }
td { text-align: right; font-variant-numeric: tabular-nums; font-weight: 600; }
.rollup { border: 0; padding: 0; margin-bottom: .8rem; }
.empty { color: var(--muted); }
#status:empty { display: none; }
#status { margin: .6rem 1.5rem 0; color: var(--accent); }
/* a phone (390 px): narrower margins, the cards two a row, nothing wider than the screen */
@media (max-width: 600px) {
  .top, main { padding: .6rem .6rem; }
  main { gap: .6rem; }
  section { padding: .6rem; }
  .cards { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .card-value { font-size: 1.3rem; }
  .target header { flex-wrap: wrap; }
}
/* print: the figures only, black on white, one column, no section split across pages */
@media print {
  @page { size: A4; margin: 15mm; }
  body { background: #fff; font-size: 11pt; }
  nav, #status { display: none; }
  .top { border-bottom: 2px solid #000; padding: 0 0 .4rem; }
  main { display: block; padding: 0; }
  section { border: 0; border-radius: 0; padding: .4rem 0; margin: 0 0 .6rem; break-inside: avoid; }
  .badge { color: #000; background: none !important; border: 1px solid #000; }
  .print-only { display: inline; }
}
.print-only { display: none; }
`
