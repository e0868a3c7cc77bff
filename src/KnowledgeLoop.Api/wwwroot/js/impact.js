// The gap drawer's "Did the article help?" section: FCR before vs after the gap's article event (same-length windows,
// mature first contacts only) as two bars with their 95% intervals and sample sizes, the other rates, the tests and the
// verdict. Built with DOM APIs only (no markup strings, no inline style): colours come from classes in app.css.

import { h, s } from './dom.js';
import { count, date, interval, isNumber, percent, points } from './format.js';

const VERDICTS = {
  improved: 'FCR rose significantly',
  worsened: 'FCR fell significantly',
  no_change: 'No significant change',
  too_early: 'Too early to tell',
};

function pValue(p) {
  return isNumber(p) ? (p < 0.0001 ? 'p < 0.0001' : `p = ${p.toFixed(4)}`) : 'p n/a';
}

/** Two bars (before, after) with interval whiskers, the rate on top and n below. */
export function beforeAfterChart(before, after, { width = 300, height = 170, label = 'FCR before and after' } = {}) {
  const margin = { top: 22, right: 10, bottom: 34, left: 40 };
  const plotHeight = height - margin.top - margin.bottom;
  const plotWidth = width - margin.left - margin.right;
  const y = (value) => margin.top + (1 - value) * plotHeight;
  const svg = s('svg', {
    class: 'impact-chart',
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-label': `${label}: before ${before ? `${percent(before.rate)} (n = ${count(before.denominator)})` : 'n/a'}, after ${after ? `${percent(after.rate)} (n = ${count(after.denominator)})` : 'n/a'}`,
  });
  for (const tick of [0, 0.5, 1]) {
    svg.append(
      s('line', { class: 'impact-grid', x1: margin.left, x2: width - margin.right, y1: y(tick), y2: y(tick) }),
      s('text', { class: 'impact-axis', x: margin.left - 6, y: y(tick) + 4, 'text-anchor': 'end' }, `${Math.round(tick * 100)}%`));
  }
  const slot = plotWidth / 2;
  const barWidth = slot * 0.45;
  [['before', before], ['after', after]].forEach(([name, rate], index) => {
    const centre = margin.left + slot * index + slot / 2;
    const group = s('g', { class: ['impact-bar-group', `impact-${name}`], dataset: { window: name } });
    if (rate && isNumber(rate.rate)) {
      group.append(
        s('rect', { class: ['impact-bar', `impact-bar-${name}`], x: centre - barWidth / 2, y: y(rate.rate), width: barWidth, height: Math.max(0, y(0) - y(rate.rate)) },
          s('title', null, `${name}: ${percent(rate.rate)} (${count(rate.numerator)}/${count(rate.denominator)}), 95% ${interval(rate.ci_low, rate.ci_high, 0)}`)),
        s('line', { class: 'impact-whisker', x1: centre, x2: centre, y1: y(rate.ci_low), y2: y(rate.ci_high) }),
        s('line', { class: 'impact-whisker', x1: centre - 5, x2: centre + 5, y1: y(rate.ci_low), y2: y(rate.ci_low) }),
        s('line', { class: 'impact-whisker', x1: centre - 5, x2: centre + 5, y1: y(rate.ci_high), y2: y(rate.ci_high) }),
        s('text', { class: 'impact-value', x: centre, y: y(rate.ci_high) - 5, 'text-anchor': 'middle' }, percent(rate.rate, 0)));
    }
    group.append(
      s('text', { class: 'impact-label', x: centre, y: height - margin.bottom + 14, 'text-anchor': 'middle' }, name),
      s('text', { class: 'impact-n', x: centre, y: height - margin.bottom + 28, 'text-anchor': 'middle' }, rate ? `n = ${count(rate.denominator)}` : 'n/a'));
    svg.append(group);
  });
  return svg;
}

function rateChange(label, before, after) {
  return h('li', null, `${label}: ${before ? percent(before.rate) : 'n/a'} → ${after ? percent(after.rate) : 'n/a'}`,
    h('span', { class: 'muted small' }, ` (n = ${before ? count(before.denominator) : 0} / ${after ? count(after.denominator) : 0})`));
}

/** The drawer section for a gap with an impact; null when the gap had no article event. */
export function impactSection(gap) {
  const impact = gap?.impact;
  if (!impact) {
    return null;
  }
  const verdict = impact.verdict ?? 'no_change';
  return h('section', { class: ['detail-section', 'impact-section'], 'aria-labelledby': 'detail-impact', dataset: { verdict } },
    h('h3', { id: 'detail-impact' }, 'Did the article help?'),
    h('p', { class: 'impact-event' },
      h('strong', null, impact.article_id), ` ${impact.article_title} — ${impact.source} ${date(impact.event_at)}. `,
      h('span', { class: ['badge', 'impact-verdict', `verdict-${verdict}`] }, VERDICTS[verdict] ?? verdict)),
    beforeAfterChart(impact.before?.fcr, impact.after?.fcr, { label: `FCR before and after ${impact.article_id}` }),
    h('p', { class: 'muted small impact-windows' },
      `Windows of ${Math.round(impact.window_days)} days: ${date(impact.before?.from)} – ${date(impact.before?.to)} and ${date(impact.after?.from)} – ${date(impact.after?.to)}; mature first contacts only.`),
    h('p', { class: 'impact-tests' },
      `FCR ${isNumber(impact.fcr_change) ? points(impact.fcr_change) : 'n/a'} (z = ${isNumber(impact.z) ? impact.z.toFixed(2) : 'n/a'}, ${pValue(impact.p_value)})`,
      isNumber(impact.did_estimate)
        ? ` · vs ${count(impact.control_gap_count)} control gaps: ${points(impact.did_estimate)} (${pValue(impact.did_p_value)})`
        : ' · no control gaps'),
    h('ul', { class: 'impact-rates' },
      rateChange('Reopened', impact.before?.reopen_rate, impact.after?.reopen_rate),
      rateChange('Deflection', impact.before?.deflection_rate, impact.after?.deflection_rate),
      rateChange('Next-issue avoidance', impact.before?.nia_rate, impact.after?.nia_rate)),
    h('p', { class: 'muted small' }, impact.reason));
}
