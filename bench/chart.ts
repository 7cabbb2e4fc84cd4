/**
 * A dependency-free SVG line chart with a logarithmic x axis, for the scale curve
 * (x: chunks in the corpus; y: query latency and load time).
 */

export interface ChartPoint {
  x: number;
  y: number;
}

export interface ChartSeries {
  name: string;
  color: string;
  points: ChartPoint[];
}

export interface PanelSpec {
  title: string;
  xLabel: string;
  yLabel: string;
  series: ChartSeries[];
}

const PANEL_WIDTH = 420;
const PANEL_HEIGHT = 300;
const MARGIN = { left: 60, right: 16, top: 36, bottom: 70 };

/** Escapes text for SVG content and attributes. */
function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Powers of ten covering [min, max], at least two. */
function logTicks(min: number, max: number): number[] {
  const low = Math.floor(Math.log10(Math.max(min, 1)));
  const high = Math.max(low + 1, Math.ceil(Math.log10(Math.max(max, 1))));
  const ticks: number[] = [];
  for (let power = low; power <= high; power += 1) ticks.push(10 ** power);
  return ticks;
}

/** About five round ticks from 0 to at least `max`. */
function linearTicks(max: number): number[] {
  const safeMax = max > 0 && Number.isFinite(max) ? max : 1;
  const rough = safeMax / 5;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= rough) ?? rough;
  const ticks: number[] = [];
  for (let value = 0; value < safeMax + step; value += step) ticks.push(Number(value.toPrecision(6)));
  return ticks;
}

/** Short tick label: 1k, 10k, 100k, 1M. */
function formatTick(value: number): string {
  if (value >= 1e6) return `${value / 1e6}M`;
  if (value >= 1e3) return `${value / 1e3}k`;
  return String(value);
}

/** One panel as an SVG group, translated by `offsetX`. */
function renderPanel(panel: PanelSpec, offsetX: number): string {
  const points = panel.series.flatMap((series) => series.points).filter((p) => Number.isFinite(p.y) && p.x > 0);
  const xTicks = logTicks(Math.min(...points.map((p) => p.x)), Math.max(...points.map((p) => p.x)));
  const yTicks = linearTicks(Math.max(...points.map((p) => p.y)));
  const plotWidth = PANEL_WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = PANEL_HEIGHT - MARGIN.top - MARGIN.bottom;
  const logMin = Math.log10(xTicks[0]);
  const logSpan = Math.log10(xTicks[xTicks.length - 1]) - logMin;
  const yMax = yTicks[yTicks.length - 1];
  const toX = (x: number) => MARGIN.left + ((Math.log10(x) - logMin) / logSpan) * plotWidth;
  const toY = (y: number) => MARGIN.top + plotHeight - (y / yMax) * plotHeight;
  const parts: string[] = [`<g transform="translate(${offsetX},0)">`];
  parts.push(`<text x="${PANEL_WIDTH / 2}" y="20" text-anchor="middle" font-weight="bold">${escapeXml(panel.title)}</text>`);
  for (const tick of yTicks) {
    const y = toY(tick).toFixed(1);
    parts.push(`<line x1="${MARGIN.left}" x2="${PANEL_WIDTH - MARGIN.right}" y1="${y}" y2="${y}" stroke="#ddd"/>`);
    parts.push(`<text x="${MARGIN.left - 6}" y="${y}" text-anchor="end" dominant-baseline="middle">${formatTick(tick)}</text>`);
  }
  for (const tick of xTicks) {
    const x = toX(tick).toFixed(1);
    parts.push(`<line x1="${x}" x2="${x}" y1="${MARGIN.top}" y2="${MARGIN.top + plotHeight}" stroke="#eee"/>`);
    parts.push(`<text x="${x}" y="${MARGIN.top + plotHeight + 16}" text-anchor="middle">${formatTick(tick)}</text>`);
  }
  parts.push(`<text x="${MARGIN.left + plotWidth / 2}" y="${MARGIN.top + plotHeight + 34}" text-anchor="middle">${escapeXml(panel.xLabel)}</text>`);
  parts.push(`<text transform="translate(14,${MARGIN.top + plotHeight / 2}) rotate(-90)" text-anchor="middle">${escapeXml(panel.yLabel)}</text>`);
  panel.series.forEach((series, index) => {
    const valid = series.points.filter((p) => Number.isFinite(p.y) && p.x > 0).sort((a, b) => a.x - b.x);
    const path = valid.map((p) => `${toX(p.x).toFixed(1)},${toY(p.y).toFixed(1)}`).join(' ');
    parts.push(`<polyline fill="none" stroke="${series.color}" stroke-width="2" points="${path}"/>`);
    for (const p of valid) {
      parts.push(`<circle cx="${toX(p.x).toFixed(1)}" cy="${toY(p.y).toFixed(1)}" r="3.5" fill="${series.color}"><title>${escapeXml(`${series.name}: ${p.y} @ ${p.x}`)}</title></circle>`);
    }
    const legendY = MARGIN.top + plotHeight + 52;
    const legendX = MARGIN.left + index * 130;
    parts.push(`<rect x="${legendX}" y="${legendY - 6}" width="14" height="4" fill="${series.color}"/>`);
    parts.push(`<text x="${legendX + 20}" y="${legendY}" dominant-baseline="middle">${escapeXml(series.name)}</text>`);
  });
  parts.push('</g>');
  return parts.join('\n');
}

/** Renders panels side by side as one standalone SVG document. */
export function renderChart(panels: PanelSpec[]): string {
  const width = PANEL_WIDTH * panels.length;
  const body = panels.map((panel, index) => renderPanel(panel, index * PANEL_WIDTH)).join('\n');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${PANEL_HEIGHT}" viewBox="0 0 ${width} ${PANEL_HEIGHT}" font-family="sans-serif" font-size="11">`,
    `<rect width="${width}" height="${PANEL_HEIGHT}" fill="#fff"/>`,
    body,
    '</svg>',
    '',
  ].join('\n');
}

/** One measured corpus size of the scale bench, as far as the chart needs it. */
export interface ScaleChartRow {
  chunks: number;
  queryP50Ms: number;
  queryP95Ms: number;
  loadMs: number;
}

/** The scale curve: query p50/p95 and index load time against corpus size (log x). */
export function renderScaleChart(rows: ScaleChartRow[]): string {
  return renderChart([
    {
      title: 'Thời gian trả lời (query latency)',
      xLabel: 'chunks (log scale)',
      yLabel: 'ms',
      series: [
        { name: 'p50', color: '#1f77b4', points: rows.map((row) => ({ x: row.chunks, y: row.queryP50Ms })) },
        { name: 'p95', color: '#d62728', points: rows.map((row) => ({ x: row.chunks, y: row.queryP95Ms })) },
      ],
    },
    {
      title: 'Thời gian nạp chỉ mục (index load)',
      xLabel: 'chunks (log scale)',
      yLabel: 'ms',
      series: [{ name: 'load', color: '#2ca02c', points: rows.map((row) => ({ x: row.chunks, y: row.loadMs })) }],
    },
  ]);
}
