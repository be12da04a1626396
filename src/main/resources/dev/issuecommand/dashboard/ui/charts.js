// The two charts, drawn as inline SVG from /ui/api/history, each with a hidden table of its numbers for screen readers.
import { clear, el } from './dom.js';
import { clockTime, duration } from './time.js';

const NS = 'http://www.w3.org/2000/svg';
const WIDTH = 480;
const HEIGHT = 170;
const LEFT = 48;
const BOTTOM = 22;
const TOP = 8;

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attrs)) {
    node.setAttribute(name, String(value));
  }
  for (const child of children) {
    node.append(child);
  }
  return node;
}

function title(text) {
  return svg('title', {}, text);
}

/** The smallest of `steps` at least `value` (the last one when none is). */
function roundUp(value, steps) {
  return steps.find((step) => step >= value) ?? steps[steps.length - 1];
}

/** A short axis label for a number of seconds: "45s", "30m", "1.5h", "2d". */
function shortDuration(value) {
  if (value === 0) {
    return '0';
  }
  if (value < 60) {
    return `${Math.round(value)}s`;
  }
  if (value < 3600) {
    return `${Math.round(value / 60)}m`;
  }
  if (value < 172800) {
    return `${Number((value / 3600).toFixed(1))}h`;
  }
  return `${Number((value / 86400).toFixed(1))}d`;
}

function frame(label, maxValue, tickText) {
  const chart = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': label, class: 'chart-svg' },
    title(label));
  const plotHeight = HEIGHT - TOP - BOTTOM;
  for (const fraction of [0, 0.5, 1]) {
    const y = TOP + plotHeight * (1 - fraction);
    chart.append(svg('line', { x1: LEFT, x2: WIDTH, y1: y, y2: y, class: 'grid-line' }));
    chart.append(svg('text', { x: LEFT - 4, y: y + 3, class: 'axis-label', 'text-anchor': 'end' },
      tickText(maxValue * fraction)));
  }
  return { chart, plotHeight, scale: (value) => (maxValue > 0 ? (value / maxValue) * plotHeight : 0) };
}

function hiddenTable(caption, headers, rows) {
  return el('table', { class: 'visually-hidden' },
    el('caption', null, caption),
    el('thead', null, el('tr', null, headers.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', null, rows.map((cells) => el('tr', null, cells.map((c) => el('td', null, String(c)))))));
}

function legend(entries) {
  return el('figcaption', { class: 'legend' },
    entries.map(([cls, text]) => el('span', { class: 'legend-item' }, el('span', { class: `swatch ${cls}` }), text)));
}

/** Bars per hour of the last 24 hours: claims closed (stacked under) and released. */
export function renderFinished(hours) {
  const figure = clear(document.getElementById('chart-finished'));
  const highest = Math.max(0, ...hours.map((h) => (h.closed || 0) + (h.released || 0)));
  const max = Math.max(2, highest + (highest % 2));
  const { chart, plotHeight, scale } = frame('Claims finished per hour over the last 24 hours', max,
    (v) => String(Math.round(v)));
  const step = (WIDTH - LEFT) / Math.max(hours.length, 1);
  hours.forEach((hour, i) => {
    const x = LEFT + i * step + 1;
    const closed = scale(hour.closed || 0);
    const released = scale(hour.released || 0);
    const base = TOP + plotHeight;
    chart.append(svg('g', {},
      title(`${clockTime(hour.hour)}: ${hour.closed || 0} closed, ${hour.released || 0} released`),
      svg('rect', { x, y: base - closed, width: step - 2, height: closed, class: 'bar-closed' }),
      svg('rect', { x, y: base - closed - released, width: step - 2, height: released, class: 'bar-released' })));
    if (i % 6 === 0) {
      chart.append(svg('text', { x, y: HEIGHT - 6, class: 'axis-label' }, clockTime(hour.hour)));
    }
  });
  figure.append(chart, legend([['bar-closed', 'closed'], ['bar-released', 'released']]),
    hiddenTable('Claims finished per hour', ['Hour', 'Closed', 'Released'],
      hours.map((h) => [clockTime(h.hour), h.closed || 0, h.released || 0])));
}

function seconds(value) {
  return value === null || value === undefined ? '—' : duration(value * 1000);
}

/** Per day of the last 7: median (dark) and p90 (light) time from claim to pr_submitted and to closed. */
export function renderDurations(days) {
  const figure = clear(document.getElementById('chart-durations'));
  const values = days.flatMap((d) => [d.to_pr_submitted?.p90_seconds, d.to_closed?.p90_seconds,
    d.to_pr_submitted?.median_seconds, d.to_closed?.median_seconds]).filter((v) => typeof v === 'number');
  const max = roundUp(Math.max(0, ...values), [60, 300, 600, 1800, 3600, 7200, 14400, 28800, 43200, 86400, 172800,
    345600, 604800, 1209600]);
  const { chart, plotHeight, scale } = frame('Median and p90 time to PR submitted and to closed, per day', max,
    shortDuration);
  if (values.length === 0) {
    chart.append(svg('text', { x: (WIDTH + LEFT) / 2, y: TOP + plotHeight / 2, class: 'chart-empty',
      'text-anchor': 'middle' }, 'No claim reached a PR or closed in the last 7 days'));
  }
  const step = (WIDTH - LEFT) / Math.max(days.length, 1);
  const barWidth = Math.max(4, step / 2 - 6);
  const base = TOP + plotHeight;
  days.forEach((day, i) => {
    const x0 = LEFT + i * step + 3;
    [['to_pr_submitted', 'pr'], ['to_closed', 'closed']].forEach(([key, cls], j) => {
      const numbers = day[key] || {};
      const x = x0 + j * (barWidth + 2);
      const p90 = scale(numbers.p90_seconds || 0);
      const median = scale(numbers.median_seconds || 0);
      chart.append(svg('g', {},
        title(`${day.day}, ${key === 'to_closed' ? 'to closed' : 'to PR submitted'}: median `
          + `${seconds(numbers.median_seconds)}, p90 ${seconds(numbers.p90_seconds)} (${numbers.count || 0} claims)`),
        svg('rect', { x, y: base - p90, width: barWidth, height: p90, class: `bar-${cls}-p90` }),
        svg('rect', { x, y: base - median, width: barWidth, height: median, class: `bar-${cls}` })));
    });
    chart.append(svg('text', { x: x0, y: HEIGHT - 6, class: 'axis-label' }, day.day.slice(5)));
  });
  figure.append(chart,
    legend([['bar-pr', 'to PR submitted (median)'], ['bar-pr-p90', 'p90'], ['bar-closed', 'to closed (median)'],
      ['bar-closed-p90', 'p90']]),
    hiddenTable('Time to PR submitted and to closed per day',
      ['Day', 'PRs', 'Median to PR', 'p90 to PR', 'Closed', 'Median to closed', 'p90 to closed'],
      days.map((d) => [d.day, d.to_pr_submitted?.count || 0, seconds(d.to_pr_submitted?.median_seconds),
        seconds(d.to_pr_submitted?.p90_seconds), d.to_closed?.count || 0, seconds(d.to_closed?.median_seconds),
        seconds(d.to_closed?.p90_seconds)])));
}
