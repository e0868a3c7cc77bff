// SVG charts built with DOM APIs (no markup strings, no inline style): colours come from classes in app.css.

import { s } from './dom.js';
import { count, interval, isNumber, percent } from './format.js';

const round = (value) => Math.round(value * 10) / 10;

function niceStep(range, targetTicks) {
  const raw = range / Math.max(1, targetTicks);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const scaled = raw / magnitude;
  const nice = scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 2.5 ? 2.5 : scaled <= 5 ? 5 : 10;
  return nice * magnitude;
}

/** Splits points into runs of consecutive points that have a value (a week without mature contacts breaks the line). */
function runs(points) {
  const result = [];
  let current = [];
  for (const point of points) {
    if (point.value === null) {
      if (current.length > 0) {
        result.push(current);
      }
      current = [];
    } else {
      current.push(point);
    }
  }
  if (current.length > 0) {
    result.push(current);
  }
  return result;
}

/**
 * A line chart of rates with their 95% band.
 * series: [{ key, label, rate: {rate, numerator, denominator, ci_low, ci_high} | null }], oldest first.
 * options: { width, height, reference: overall rate to draw as a dashed line, referenceLabel }.
 */
export function rateLineChart(series, { width, height = 220, reference = null, referenceLabel = 'overall' } = {}) {
  const margin = { top: 14, right: isNumber(reference) ? 60 : 14, bottom: 28, left: 44 };
  const plotWidth = Math.max(60, width - margin.left - margin.right);
  const plotHeight = Math.max(60, height - margin.top - margin.bottom);

  const points = series.map((entry, index) => ({
    index,
    key: entry.key,
    label: entry.label,
    value: entry.rate && isNumber(entry.rate.rate) ? entry.rate.rate : null,
    low: entry.rate?.ci_low,
    high: entry.rate?.ci_high,
    numerator: entry.rate?.numerator,
    denominator: entry.rate?.denominator,
  }));
  const known = points.filter((point) => point.value !== null);

  const svg = s('svg', {
    class: 'chart-svg',
    width: Math.round(width),
    height,
    viewBox: `0 0 ${Math.round(width)} ${height}`,
    role: 'img',
    'aria-label': known.length === 0
      ? 'No weekly FCR to show yet.'
      : `Weekly FCR from ${known[0].label} (${percent(known[0].value)}) to ${known.at(-1).label} (${percent(known.at(-1).value)}).`,
  });
  if (known.length === 0) {
    svg.append(s('text', { class: 'chart-empty', x: width / 2, y: height / 2, 'text-anchor': 'middle', text: 'No mature first contacts in this selection yet.' }));
    return svg;
  }

  let lowest = Math.min(...known.map((p) => (isNumber(p.low) ? p.low : p.value)));
  let highest = Math.max(...known.map((p) => (isNumber(p.high) ? p.high : p.value)));
  if (isNumber(reference)) {
    lowest = Math.min(lowest, reference);
    highest = Math.max(highest, reference);
  }
  const step = niceStep(Math.max(highest - lowest, 0.1), 4);
  const yMin = Math.max(0, Math.floor(lowest / step) * step);
  const yMax = Math.min(1, Math.ceil(highest / step) * step);
  const span = Math.max(yMax - yMin, step);

  const x = (index) => margin.left + (points.length === 1 ? plotWidth / 2 : (index / (points.length - 1)) * plotWidth);
  const y = (value) => margin.top + (1 - (value - yMin) / span) * plotHeight;

  const grid = s('g', { class: 'chart-grid', 'aria-hidden': 'true' });
  for (let tick = yMin; tick <= yMax + step / 2; tick += step) {
    const ty = round(y(tick));
    grid.append(
      s('line', { x1: margin.left, x2: margin.left + plotWidth, y1: ty, y2: ty }),
      s('text', { class: 'chart-axis', x: margin.left - 8, y: ty + 4, 'text-anchor': 'end', text: `${Math.round(tick * 100)}%` }),
    );
  }
  svg.append(grid);

  const labels = s('g', { class: 'chart-axis', 'aria-hidden': 'true' });
  const every = Math.max(1, Math.ceil(points.length / Math.max(1, Math.floor(plotWidth / 58))));
  points.forEach((point, index) => {
    if ((points.length - 1 - index) % every === 0) {
      labels.append(s('text', { x: round(x(index)), y: height - 8, 'text-anchor': 'middle', text: point.label }));
    }
  });
  svg.append(labels);

  for (const run of runs(points)) {
    const banded = run.filter((p) => isNumber(p.low) && isNumber(p.high));
    if (banded.length > 1) {
      const upper = banded.map((p) => `${round(x(p.index))},${round(y(p.high))}`);
      const lower = banded.slice().reverse().map((p) => `${round(x(p.index))},${round(y(p.low))}`);
      svg.append(s('polygon', { class: 'chart-band', points: [...upper, ...lower].join(' ') }));
    }
  }

  if (isNumber(reference)) {
    const ry = round(y(reference));
    svg.append(s('line', { class: 'chart-reference', x1: margin.left, x2: margin.left + plotWidth, y1: ry, y2: ry }));
  }

  for (const run of runs(points)) {
    if (run.length > 1) {
      svg.append(s('polyline', { class: 'chart-line', points: run.map((p) => `${round(x(p.index))},${round(y(p.value))}`).join(' ') }));
    }
  }

  const dots = s('g', { class: 'chart-dots' });
  for (const point of known) {
    dots.append(s('circle', { cx: round(x(point.index)), cy: round(y(point.value)), r: 3.5 },
      s('title', { text: `${point.key}: FCR ${percent(point.value)} (${count(point.numerator)} of ${count(point.denominator)}), 95% interval ${interval(point.low, point.high)}` })));
  }
  svg.append(dots);

  if (isNumber(reference)) {
    // In the right margin, at the end of the dashed line: the line never hides it.
    const ry = round(y(reference));
    svg.append(s('text', { class: 'chart-reference-label', x: margin.left + plotWidth + 8, y: ry - 2 },
      s('tspan', { class: 'strong', x: margin.left + plotWidth + 8, text: percent(reference) }),
      s('tspan', { x: margin.left + plotWidth + 8, dy: 13, text: referenceLabel })));
  }
  return svg;
}

/** Weekly counts as small bars: [{ key, count }], oldest first. */
export function sparkBars(values, { width = 280, height = 56, label = 'per week' } = {}) {
  const max = Math.max(1, ...values.map((v) => v.count));
  const gap = 2;
  const barWidth = Math.max(2, (width - gap * (values.length - 1)) / Math.max(1, values.length));
  const svg = s('svg', {
    class: 'spark',
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-label': values.length === 0 ? `No ${label}` : `${label}: from ${values[0].count} in ${values[0].key} to ${values.at(-1).count} in ${values.at(-1).key}, peak ${max}`,
  });
  values.forEach((value, index) => {
    const barHeight = Math.max(1, (value.count / max) * (height - 4));
    svg.append(s('rect', {
      class: value.count === max ? 'spark-bar peak' : 'spark-bar',
      x: round(index * (barWidth + gap)),
      y: round(height - barHeight),
      width: round(barWidth),
      height: round(barHeight),
      rx: 1,
    }, s('title', { text: `${value.key}: ${value.count}` })));
  });
  return svg;
}

/** A similarity from 0 to 1 as a small bar, with the typing threshold as a tick when known. */
export function similarityMeter(value, threshold = null, width = 96) {
  const clamped = Math.max(0, Math.min(1, isNumber(value) ? value : 0));
  const svg = s('svg', {
    class: 'meter',
    width,
    height: 8,
    viewBox: `0 0 ${width} 8`,
    'aria-hidden': 'true',
    focusable: 'false',
  });
  svg.append(
    s('rect', { class: 'meter-track', x: 0, y: 0, width, height: 8, rx: 4 }),
    s('rect', { class: isNumber(threshold) && clamped < threshold ? 'meter-fill weak' : 'meter-fill', x: 0, y: 0, width: round(clamped * width), height: 8, rx: 4 }),
  );
  if (isNumber(threshold)) {
    const tx = round(Math.max(0, Math.min(1, threshold)) * width);
    svg.append(s('line', { class: 'meter-threshold', x1: tx, x2: tx, y1: -1, y2: 9 }));
  }
  return svg;
}

/** A tiny trend line without axes (for a metric tile): values oldest first, nulls skipped. */
export function miniLine(values, { width = 96, height = 28, label = 'trend' } = {}) {
  const known = values.map((value, index) => ({ value, index })).filter((p) => isNumber(p.value));
  const svg = s('svg', { class: 'mini-line', width, height, viewBox: `0 0 ${width} ${height}`, preserveAspectRatio: 'none', 'aria-hidden': 'true', focusable: 'false' });
  if (known.length < 2) {
    return svg;
  }
  const low = Math.min(...known.map((p) => p.value));
  const high = Math.max(...known.map((p) => p.value));
  const span = Math.max(high - low, 0.02);
  const x = (index) => round(2 + (index / Math.max(1, values.length - 1)) * (width - 4));
  const y = (value) => round(height - 3 - ((value - low) / span) * (height - 6));
  svg.append(s('polyline', { points: known.map((p) => `${x(p.index)},${y(p.value)}`).join(' ') }));
  svg.setAttribute('data-label', label);
  return svg;
}
