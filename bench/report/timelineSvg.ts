/**
 * The streaming timeline chart (SVG, no dependencies): tokens received over time through the language server and
 * directly, with the backend's emissions, and below it the delay each token picked up on the way (arrival minus
 * emission) on each path.
 */
import type { Timeline } from "../lib/suite";

const WIDTH = 680;
const MARGIN = { left: 56, right: 16 };
const COLORS = { backend: "#9e9e9e", direct: "#1f77b4", server: "#d62728" };

interface Panel {
  top: number;
  height: number;
  xMax: number;
  yMax: number;
}

function niceStep(range: number, ticks: number): number {
  const raw = range / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const scaled = raw / power;
  return (scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10) * power;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function x(panel: Panel, value: number): number {
  return MARGIN.left + (value / panel.xMax) * (WIDTH - MARGIN.left - MARGIN.right);
}

function y(panel: Panel, value: number): number {
  return panel.top + panel.height - (Math.min(value, panel.yMax) / panel.yMax) * panel.height;
}

function axes(panel: Panel, xLabel: string, yLabel: string): string[] {
  const parts: string[] = [];
  const right = WIDTH - MARGIN.right;
  const bottom = panel.top + panel.height;
  parts.push(`<rect x="${MARGIN.left}" y="${panel.top}" width="${right - MARGIN.left}" height="${panel.height}" fill="none" stroke="#ccc"/>`);
  const xStep = niceStep(panel.xMax, 6);
  for (let v = 0; v <= panel.xMax + 1e-9; v += xStep) {
    const px = x(panel, v).toFixed(1);
    parts.push(`<line x1="${px}" y1="${bottom}" x2="${px}" y2="${bottom + 4}" stroke="#666"/>`);
    parts.push(`<text x="${px}" y="${bottom + 16}" text-anchor="middle">${Number(v.toFixed(6))}</text>`);
  }
  const yStep = niceStep(panel.yMax, 4);
  for (let v = 0; v <= panel.yMax + 1e-9; v += yStep) {
    const py = y(panel, v).toFixed(1);
    parts.push(`<line x1="${MARGIN.left - 4}" y1="${py}" x2="${right}" y2="${py}" stroke="#eee"/>`);
    parts.push(`<text x="${MARGIN.left - 7}" y="${py}" text-anchor="end" dominant-baseline="middle">${Number(v.toFixed(6))}</text>`);
  }
  parts.push(`<text x="${(MARGIN.left + right) / 2}" y="${bottom + 32}" text-anchor="middle">${escapeXml(xLabel)}</text>`);
  parts.push(`<text transform="translate(14 ${panel.top + panel.height / 2}) rotate(-90)" text-anchor="middle">${escapeXml(yLabel)}</text>`);
  return parts;
}

function polyline(points: [number, number][], color: string, dashed = false): string {
  const coordinates = points.map(([px, py]) => `${px.toFixed(1)},${py.toFixed(1)}`).join(" ");
  return `<polyline points="${coordinates}" fill="none" stroke="${color}" stroke-width="1.5"${dashed ? ' stroke-dasharray="5 3"' : ""}/>`;
}

function legend(top: number, entries: [string, string, boolean][]): string[] {
  const parts: string[] = [];
  let left = MARGIN.left + 8;
  for (const [label, color, dashed] of entries) {
    parts.push(`<line x1="${left}" y1="${top}" x2="${left + 22}" y2="${top}" stroke="${color}" stroke-width="2"${dashed ? ' stroke-dasharray="5 3"' : ""}/>`);
    parts.push(`<text x="${left + 28}" y="${top}" dominant-baseline="middle">${escapeXml(label)}</text>`);
    left += 40 + label.length * 6.2;
  }
  return parts;
}

/** Delay of each token on one path: its arrival minus the backend's emission of it (ms). */
function delays(arrivals: readonly number[], emissions: readonly number[]): number[] {
  const count = Math.min(arrivals.length, emissions.length);
  return Array.from({ length: count }, (_, i) => (arrivals[i] ?? 0) - (emissions[i] ?? 0));
}

function percentile95(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length * 0.95)] ?? 0;
}

/** Renders the chart for one timeline. */
export function timelineSvg(timeline: Timeline): string {
  const serverDelays = delays(timeline.server.times, timeline.backend.times);
  const directDelays = delays(timeline.direct.times, timeline.backendForDirect);
  const lastTime = Math.max(...timeline.server.times, ...timeline.direct.times, ...timeline.backend.times);
  const top: Panel = { top: 40, height: 180, xMax: lastTime * 1.02, yMax: timeline.tokens };
  // The delay axis is cut at the 95th percentile (with room), so one late token does not flatten the rest.
  const delayMax = Math.max(1, percentile95([...serverDelays, ...directDelays]) * 1.6);
  const bottom: Panel = { top: 300, height: 130, xMax: timeline.tokens, yMax: delayMax };
  const cumulative = (times: readonly number[]): [number, number][] => times.map((t, i) => [x(top, t), y(top, i + 1)]);
  const perToken = (values: readonly number[]): [number, number][] => values.map((v, i) => [x(bottom, i + 1), y(bottom, v)]);

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="480" viewBox="0 0 ${WIDTH} 480" font-family="sans-serif" font-size="11" fill="#222">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="${MARGIN.left}" y="16" font-size="13" font-weight="bold">Streaming timeline at ${timeline.ratePerSecond.toLocaleString("en-US")} tokens/s (${timeline.tokens} tokens), one run per path</text>`,
    ...legend(30, [
      ["backend emits", COLORS.backend, true],
      ["direct HTTP client", COLORS.direct, false],
      ["through the language server", COLORS.server, false],
    ]),
    ...axes(top, "ms after the request was sent", "tokens received"),
    polyline(cumulative(timeline.backend.times), COLORS.backend, true),
    polyline(cumulative(timeline.direct.times), COLORS.direct),
    polyline(cumulative(timeline.server.times), COLORS.server),
    `<text x="${MARGIN.left}" y="${bottom.top - 10}" font-weight="bold">Delay of each token: arrival minus the backend's emission (ms; longer delays drawn at the top)</text>`,
    ...axes(bottom, "token", "ms"),
    polyline(perToken(directDelays), COLORS.direct),
    polyline(perToken(serverDelays), COLORS.server),
    "</svg>",
  ];
  return parts.join("\n") + "\n";
}
