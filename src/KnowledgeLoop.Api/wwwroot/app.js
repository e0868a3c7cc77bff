// KnowledgeLoop's page: metric tiles, the FCR trend, the ranked gap table with drill-down, a segment filter and the
// similar-case search, over the service's own HTTP API. Data only ever reaches the page as text (see js/dom.js).

import { $, h, replace, safeLink } from './js/dom.js';
import { ApiError, getJson, postJson, setApiKey, withQuery } from './js/api.js';
import { miniLine, rateLineChart, similarityMeter, sparkBars } from './js/charts.js';
import { historySection } from './js/history.js';
import { impactSection } from './js/impact.js';
import { ago, count, date, dateTime, interval, isNumber, percent, points, similarity, words } from './js/format.js';
import { nextIssuesSection } from './js/nextIssues.js';
import { renderEmergingGaps, sinceRunBadge, sinceRunSection } from './js/since-run.js';

const TILES = [
  { key: 'fcr', label: 'First contact resolution', unit: 'mature first contacts', better: 'higher', hint: 'First contacts resolved with no reopen, escalation or follow-up within the window.' },
  { key: 'reopen_rate', label: 'Reopen rate', unit: 'resolved tickets', better: 'lower', hint: 'Resolved tickets reopened at least once.' },
  { key: 'escalation_rate', label: 'Escalation rate', unit: 'tickets', better: 'lower', hint: 'Tickets escalated beyond the first tier.' },
  { key: 'first_tier_resolution_rate', label: 'First-tier resolution', unit: 'resolved tickets', better: 'higher', hint: 'Resolved tickets resolved without escalation.' },
  { key: 'deflection_rate', label: 'Knowledge deflection', unit: 'mature sessions', better: 'higher', hint: 'Self-service sessions not followed by a ticket within the deflection window.', missing: 'No self-service sessions in the data.' },
  { key: 'nia_rate', label: 'Next-issue avoidance', unit: 'mature resolved tickets', better: 'higher', hint: 'Resolved tickets after which the customer opens no new ticket within the window.' },
];

/** Cases a week needs before a tile's small trend line shows it. */
const MINI_TREND_MINIMUM = 30;

const GAP_TYPES = ['missing', 'ineffective', 'outdated', 'findability', 'process', 'duplicate'];

const TYPE_ADVICE = {
  missing: 'No article answers these tickets. Write one from the resolutions that worked.',
  ineffective: 'An article matches, but tickets that use it still fail. Rewrite it from what resolved the cases.',
  outdated: 'The matching article predates the surge in these tickets. Review it against the current product.',
  findability: 'A good article exists but is rarely found or linked. Fix its title, search terms and placement.',
  process: 'Articles are fine and linked; failures come from escalations. Look at routing, permissions or a defect.',
  duplicate: 'Several near-identical articles compete for these tickets. Merge them into one.',
};

const DIMENSION_LABELS = {
  category: 'Category', product: 'Product', channel: 'Channel', priority: 'Priority', tier: 'Tier',
  group: 'Group', agent: 'Agent', month: 'Month', week: 'Week',
};

const OUTCOME_LABELS = { success: 'Resolved first time', failure: 'Failed', immature: 'Too recent to judge', follow_up: 'Follow-up' };

const state = {
  overall: null,
  metrics: null,
  segment: null,
  metricsAbort: null,
  gaps: [],
  gapsDocument: null,
  gapsError: null,
  typeFilter: '',
  analysis: null,
  pollTimer: 0,
  lastFocus: null,
  openGapId: null,
  trendWidth: 0,
};

// ---------------------------------------------------------------- alerts

function showAlert(message, { id = 'general', kind = 'error' } = {}) {
  const host = $('#alerts');
  host.querySelector(`[data-alert="${CSS.escape(id)}"]`)?.remove();
  const alert = h('div', { class: ['alert', kind], dataset: { alert: id } },
    h('p', null, message),
    h('button', { type: 'button', class: 'icon-button small', 'aria-label': 'Dismiss', on: { click: () => alert.remove() } }, '×'));
  host.append(alert);
}

function clearAlert(id) {
  $('#alerts').querySelector(`[data-alert="${CSS.escape(id)}"]`)?.remove();
}

function keyProblem(error, action) {
  if (!(error instanceof ApiError) || error.status !== 401) {
    return false;
  }
  const field = $('#api-key');
  field.setAttribute('aria-invalid', 'true');
  field.classList.add('needs-key');
  field.placeholder = 'required';
  showAlert(`This server needs an API key to ${action}. Enter it in the API key field at the top and press Enter.`, { id: 'key' });
  return true;
}

function keyAccepted() {
  const field = $('#api-key');
  field.removeAttribute('aria-invalid');
  field.classList.remove('needs-key');
  field.placeholder = 'optional';
  clearAlert('key');
}

// ---------------------------------------------------------------- metrics

function metricsPath() {
  return withQuery('/api/metrics', { segment: state.segment ? `${state.segment.dimension}:${state.segment.value}` : '' });
}

async function loadMetrics() {
  state.metricsAbort?.abort();
  const controller = new AbortController();
  state.metricsAbort = controller;
  $('#tiles').setAttribute('aria-busy', 'true');
  try {
    const document = await getJson(metricsPath(), { signal: controller.signal });
    if (!state.segment) {
      state.overall = document;
      fillDimensions(document.segments ?? {});
    }
    state.metrics = document;
    clearAlert('metrics');
    renderSummary();
    renderTiles();
    renderTrend(true);
  } catch (error) {
    if (error?.name === 'AbortError') {
      return;
    }
    const needsKey = keyProblem(error, 'show its data');
    if (!needsKey) {
      showAlert(`The metrics could not be loaded: ${error.message}`, { id: 'metrics' });
    }
    if (!state.metrics) {
      replace($('#tiles'), h('p', { class: 'empty' }, needsKey ? 'The metrics need the API key.' : 'Metrics unavailable.'));
      replace($('#data-summary'), '');
      replace($('#trend-chart'), h('p', { class: 'empty' }, 'No trend to show.'));
    }
  } finally {
    if (state.metricsAbort === controller) {
      $('#tiles').setAttribute('aria-busy', 'false');
    }
  }
}

function renderSummary() {
  const doc = state.metrics;
  const counts = doc?.counts ?? {};
  const parts = [
    `${count(counts.tickets)} tickets`,
    `${count(counts.mature_first_contacts)} mature first contacts`,
    `${count(counts.articles)} articles`,
  ];
  if (counts.sessions) {
    parts.push(`${count(counts.sessions)} self-service sessions`);
  }
  if (doc?.as_of) {
    parts.push(`as of ${date(doc.as_of)}`);
  }
  replace($('#data-summary'), parts.join(' · '));

  const note = $('#segment-note');
  if (state.segment) {
    note.hidden = false;
    replace(note,
      h('span', { class: 'chip' }, `${DIMENSION_LABELS[state.segment.dimension] ?? words(state.segment.dimension)}: ${state.segment.value}`),
      ` Metrics and trend for this segment only; the differences are against all tickets.`);
  } else {
    note.hidden = true;
    note.replaceChildren();
  }
}

function sortedWeeks(document) {
  return [...(document?.segments?.week ?? [])].sort((a, b) => String(a.key).localeCompare(String(b.key)));
}

function renderTiles() {
  const metrics = state.metrics?.metrics ?? {};
  const overall = state.segment ? state.overall?.metrics ?? {} : null;
  const weeks = sortedWeeks(state.metrics);
  const tiles = TILES.map((tile) => {
    const rate = metrics[tile.key];
    const article = h('article', { class: 'tile', dataset: { metric: tile.key }, title: tile.hint });
    article.append(h('h2', { class: 'tile-label' }, tile.label));
    if (!rate) {
      article.append(
        h('p', { class: 'tile-value na' }, 'n/a'),
        h('p', { class: 'tile-ci' }, tile.missing ?? 'Not computable for this selection.'));
      return article;
    }
    // Weeks with few cases (the newest, not yet mature) would only add noise to the small trend line.
    const weekly = weeks.map((week) => {
      const value = week.metrics?.[tile.key];
      return value && value.denominator >= MINI_TREND_MINIMUM ? value.rate : null;
    });
    article.append(
      h('div', { class: 'tile-value-row' },
        h('p', { class: 'tile-value' }, percent(rate.rate)),
        weekly.filter(isNumber).length > 2 ? miniLine(weekly, { label: `${tile.label} by week` }) : null),
      h('p', { class: 'tile-ci' }, h('span', { class: 'visually-hidden' }, '95% interval '), h('abbr', { title: '95% Wilson interval' }, '95% CI'), ` ${interval(rate.ci_low, rate.ci_high)}`),
      h('p', { class: 'tile-count' }, `${count(rate.numerator)} of ${count(rate.denominator)} ${tile.unit}`));
    const base = overall?.[tile.key];
    if (base && isNumber(base.rate)) {
      const delta = rate.rate - base.rate;
      const good = tile.better === 'higher' ? delta >= 0 : delta <= 0;
      article.append(h('p', { class: ['tile-delta', Math.abs(delta) < 0.0005 ? 'flat' : good ? 'good' : 'bad'] }, `${points(delta)} vs all tickets`));
    }
    return article;
  });
  replace($('#tiles'), tiles);
}

function weekLabel(key) {
  const match = /^(\d{4})-W(\d{2})$/.exec(key ?? '');
  return match ? `W${match[2]}` : String(key ?? '');
}

function renderTrend(force = false) {
  const figure = $('#trend-chart');
  const width = Math.floor(figure.clientWidth);
  if (!state.metrics || width <= 0 || (!force && Math.abs(width - state.trendWidth) < 4)) {
    return;
  }
  state.trendWidth = width;
  const weeks = sortedWeeks(state.metrics);
  const series = weeks.map((week) => ({ key: week.key, label: weekLabel(week.key), rate: week.metrics?.fcr ?? null }));
  const overall = state.metrics.metrics?.fcr?.rate;
  const chart = rateLineChart(series, {
    width,
    height: width < 480 ? 190 : 230,
    reference: overall,
    referenceLabel: state.segment ? 'segment' : 'overall',
  });
  const known = series.filter((entry) => entry.rate);
  const caption = known.length === 0
    ? 'No weekly FCR yet.'
    : `Weekly FCR over ${known.length} weeks: ${known.map((entry) => `${entry.key} ${percent(entry.rate.rate)}`).join(', ')}.`;
  replace(figure, chart, h('figcaption', { id: 'trend-summary', class: 'visually-hidden' }, caption));
}

const DIMENSION_ORDER = ['category', 'product', 'channel', 'priority', 'tier', 'group', 'agent', 'month'];

function fillDimensions(segments) {
  const select = $('#segment-dimension');
  if (select.options.length > 1) {
    return;
  }
  const dimensions = Object.keys(segments)
    .filter((dimension) => dimension !== 'week' && (segments[dimension] ?? []).some((entry) => entry.key !== '(none)'))
    .sort((a, b) => (DIMENSION_ORDER.indexOf(a) + 1 || 99) - (DIMENSION_ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b));
  for (const dimension of dimensions) {
    select.append(h('option', { value: dimension }, DIMENSION_LABELS[dimension] ?? words(dimension)));
  }
}

function fillValues(dimension) {
  const select = $('#segment-value');
  select.replaceChildren();
  if (!dimension) {
    select.append(h('option', { value: '' }, '—'));
    select.disabled = true;
    return;
  }
  const entries = [...(state.overall?.segments?.[dimension] ?? [])]
    .filter((entry) => entry.key !== '(none)')
    .sort((a, b) => (dimension === 'month' ? String(a.key).localeCompare(String(b.key)) : b.tickets - a.tickets || String(a.key).localeCompare(String(b.key))));
  select.append(h('option', { value: '' }, `Choose a ${(DIMENSION_LABELS[dimension] ?? words(dimension)).toLowerCase()}…`));
  for (const entry of entries) {
    select.append(h('option', { value: entry.key }, `${entry.key} (${count(entry.tickets)})`));
  }
  select.disabled = false;
}

function applySegment() {
  const dimension = $('#segment-dimension').value;
  const value = $('#segment-value').value;
  const next = dimension && value ? { dimension, value } : null;
  const same = JSON.stringify(next) === JSON.stringify(state.segment);
  state.segment = next;
  $('#segment-clear').hidden = !next && !dimension;
  if (!same) {
    if (!next && state.overall) {
      state.metrics = state.overall;
      renderSummary();
      renderTiles();
      renderTrend(true);
      return;
    }
    loadMetrics();
  }
}

// ---------------------------------------------------------------- gaps

async function loadGaps() {
  try {
    const document = await getJson('/api/gaps');
    state.gapsDocument = document;
    state.gaps = [...(document?.gaps ?? [])].sort((a, b) => a.rank - b.rank);
    clearAlert('gaps');
    state.gapsError = null;
  } catch (error) {
    state.gapsDocument = null;
    state.gaps = [];
    state.gapsError = keyProblem(error, 'show its data') ? 'The gaps need the API key.' : `The gaps could not be loaded: ${error.message}`;
    if (error?.status !== 401) {
      showAlert(state.gapsError, { id: 'gaps' });
    }
  }
  renderTypeFilter();
  renderGaps();
  renderEmergingGaps(state.gapsDocument);
  renderTypeBreakdown();
  renderSuggestions();
}

/** Example searches from the top gaps' evidence: one click shows how such tickets went. */
function renderSuggestions() {
  const host = $('#similar-suggestions');
  const examples = state.gaps
    .map((gap) => (gap.evidence ?? []).find((ticket) => ticket.representative)?.subject ?? null)
    .filter((subject, index, all) => subject && all.indexOf(subject) === index)
    .slice(0, 3);
  host.hidden = examples.length === 0;
  replace(host, examples.length ? h('span', { class: 'muted small' }, 'Try:') : null,
    examples.map((example) => h('button', {
      type: 'button',
      class: 'chip suggestion',
      on: {
        click: () => {
          $('#similar-query').value = example;
          search(example);
        },
      },
    }, example)));
}

function typeBadge(type, secondary) {
  const known = GAP_TYPES.includes(type) ? type : 'other';
  return h('span', { class: 'badge-group' },
    h('span', { class: ['badge', `type-${known}`] }, words(type)),
    secondary ? h('span', { class: ['badge', 'subtle', `type-${GAP_TYPES.includes(secondary) ? secondary : 'other'}`], title: `Also ${words(secondary)}` }, `+${words(secondary)}`) : null);
}

function renderTypeFilter() {
  const select = $('#type-filter');
  const current = state.typeFilter;
  const counts = new Map();
  for (const gap of state.gaps) {
    counts.set(gap.type, (counts.get(gap.type) ?? 0) + 1);
  }
  select.replaceChildren(h('option', { value: '' }, `All types (${state.gaps.length})`));
  for (const type of [...GAP_TYPES, ...[...counts.keys()].filter((t) => !GAP_TYPES.includes(t))]) {
    const n = counts.get(type) ?? 0;
    select.append(h('option', { value: type, disabled: n === 0 && type !== current }, `${words(type)} (${n})`));
  }
  select.value = current;
}

function visibleGaps() {
  return state.typeFilter ? state.gaps.filter((gap) => gap.type === state.typeFilter) : state.gaps;
}

function renderGaps() {
  const body = $('#gap-rows');
  const gaps = visibleGaps();
  const empty = $('#gaps-empty');
  const doc = state.gapsDocument;

  const summary = $('#gaps-summary');
  if (!doc || !doc.analysis_id) {
    replace(summary, 'Ranked by expected FCR lift once an analysis has run.');
  } else {
    replace(summary,
      `${count(state.gaps.length)} gaps from analysis `,
      h('code', null, doc.analysis_id),
      doc.as_of ? ` (data as of ${date(doc.as_of)})` : '',
      ', ranked by expected FCR lift. Select a row for its evidence.');
  }

  const rows = gaps.map((gap) => gapRow(gap));
  replace(body, rows);
  $('#gap-table').hidden = gaps.length === 0;
  if (gaps.length === 0) {
    empty.hidden = false;
    replace(empty, state.gapsError ? state.gapsError : !doc?.analysis_id
      ? 'No analysis has run yet. Run one to find and rank the knowledge gaps.'
      : state.typeFilter ? `No ${words(state.typeFilter)} gaps in this analysis.` : 'This analysis found no gaps.');
  } else {
    empty.hidden = true;
  }
}

function gapRow(gap) {
  const best = gap.top_articles?.[0];
  const fcr = gap.fcr;
  const row = h('tr', {
    tabindex: '0',
    class: 'gap-row',
    dataset: { gapId: gap.id, type: gap.type },
    'aria-label': `Gap ${gap.rank}: ${gap.title}, ${words(gap.type)}. Press Enter for details.`,
    on: {
      click: () => openGap(gap.id, row),
      keydown: (event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          openGap(gap.id, row);
        }
      },
    },
  },
  h('td', { class: 'num rank', 'data-label': 'Rank' }, String(gap.rank)),
  h('td', { class: 'gap-title-cell', 'data-label': 'Gap' },
    h('span', { class: 'rank-inline', 'aria-hidden': 'true' }, `#${gap.rank}`),
    h('span', { class: 'gap-title' }, gap.title),
    gap.emerging ? h('span', { class: 'badge emerging', title: 'New and growing fast' }, 'emerging') : null,
    sinceRunBadge(gap),
    gap.keywords?.length ? h('span', { class: 'keywords' }, gap.keywords.slice(0, 5).join(' · ')) : null),
  h('td', { class: 'type-cell', 'data-label': 'Type' }, typeBadge(gap.type, gap.secondary_type)),
  h('td', { class: 'num', 'data-label': 'Tickets' }, count(gap.ticket_count)),
  h('td', { class: 'num', 'data-label': 'Failures' }, count(gap.failure_count)),
  h('td', { class: 'num', 'data-label': 'FCR' },
    h('span', { class: 'strong' }, percent(fcr?.rate)),
    fcr ? h('span', { class: 'sub' }, interval(fcr.ci_low, fcr.ci_high, 0)) : null),
  h('td', { class: 'num', 'data-label': 'Lift' },
    h('span', { class: 'strong lift' }, points(gap.expected_fcr_lift)),
    isNumber(gap.expected_fcr_lift_ci_low) ? h('span', { class: 'sub' }, `${(gap.expected_fcr_lift_ci_low * 100).toFixed(1)}–${(gap.expected_fcr_lift_ci_high * 100).toFixed(1)}`) : null),
  h('td', { class: 'article-cell', 'data-label': 'Best article' },
    best
      ? [h('span', { class: 'article-title' }, best.title),
        h('span', { class: 'sub' }, similarityMeter(best.similarity, gap.similarity_threshold, 56), ` ${best.id} · ${similarity(best.similarity)}`)]
      : h('span', { class: 'muted' }, 'none')));
  return row;
}

function renderTypeBreakdown() {
  const list = $('#type-breakdown');
  const totals = new Map();
  for (const gap of state.gaps) {
    const entry = totals.get(gap.type) ?? { gaps: 0, failures: 0 };
    entry.gaps += 1;
    entry.failures += gap.failure_count ?? 0;
    totals.set(gap.type, entry);
  }
  if (totals.size === 0) {
    replace(list, h('li', { class: 'empty' }, 'No gaps yet.'));
    return;
  }
  const max = Math.max(...[...totals.values()].map((entry) => entry.failures), 1);
  const items = [...totals.entries()]
    .sort((a, b) => b[1].failures - a[1].failures)
    .map(([type, entry]) => h('li', null,
      h('button', {
        type: 'button',
        class: ['breakdown-item', state.typeFilter === type ? 'active' : null],
        'aria-pressed': state.typeFilter === type ? 'true' : 'false',
        title: TYPE_ADVICE[type] ?? '',
        on: { click: () => setTypeFilter(state.typeFilter === type ? '' : type, true) },
      },
      h('span', { class: 'breakdown-label' }, typeBadge(type), h('span', { class: 'muted small' }, `${entry.gaps} ${entry.gaps === 1 ? 'gap' : 'gaps'}`)),
      h('span', { class: 'breakdown-bar' }, barSvg(entry.failures / max, type)),
      h('span', { class: 'breakdown-value' }, count(entry.failures)))));
  replace(list, items);
}

function barSvg(fraction, type) {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 100 10');
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('class', 'bar');
  svg.setAttribute('aria-hidden', 'true');
  const track = document.createElementNS(svg.namespaceURI, 'rect');
  track.setAttribute('class', 'bar-track');
  track.setAttribute('width', '100');
  track.setAttribute('height', '10');
  track.setAttribute('rx', '2');
  const fill = document.createElementNS(svg.namespaceURI, 'rect');
  fill.setAttribute('class', `bar-fill type-${GAP_TYPES.includes(type) ? type : 'other'}`);
  fill.setAttribute('width', String(Math.max(1, Math.round(fraction * 1000) / 10)));
  fill.setAttribute('height', '10');
  fill.setAttribute('rx', '2');
  svg.append(track, fill);
  return svg;
}

function setTypeFilter(type, scroll = false) {
  state.typeFilter = type;
  $('#type-filter').value = type;
  renderGaps();
  renderTypeBreakdown();
  if (scroll) {
    const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    $('#gaps').scrollIntoView({ behavior: reduced ? 'auto' : 'smooth', block: 'start' });
  }
}

// ---------------------------------------------------------------- gap detail

function stat(label, value, sub) {
  return h('div', { class: 'stat' }, h('dt', null, label), h('dd', null, value, sub ? h('span', { class: 'sub' }, sub) : null));
}

function rateStat(label, rate) {
  return stat(label, percent(rate?.rate), rate ? `${count(rate.numerator)}/${count(rate.denominator)} · ${interval(rate.ci_low, rate.ci_high, 0)}` : null);
}

function openGap(id, trigger) {
  const gap = state.gaps.find((g) => g.id === id);
  const dialog = $('#gap-detail');
  if (!gap) {
    return;
  }
  state.lastFocus = trigger ?? document.activeElement;
  state.openGapId = id;
  for (const row of document.querySelectorAll('.gap-row[aria-current]')) {
    row.removeAttribute('aria-current');
  }
  trigger?.setAttribute('aria-current', 'true');

  replace($('#detail-kicker'), `Gap #${gap.rank} · `, h('code', null, gap.id));
  replace($('#detail-title'), gap.title);
  replace($('#detail-body'), detailContent(gap));
  dialog.dataset.gapId = gap.id;
  if (!dialog.open) {
    dialog.showModal();
  }
  $('#detail-body').scrollTop = 0;
  $('#detail-close').focus();
}

function detailContent(gap) {
  const threshold = gap.similarity_threshold;
  const trendText = isNumber(gap.failures_last4_weeks) && isNumber(gap.failures_previous4_weeks)
    ? `${count(gap.failures_last4_weeks)} vs ${count(gap.failures_previous4_weeks)}`
    : isNumber(gap.trend) ? `${gap.trend >= 0 ? '+' : ''}${Math.round(gap.trend * 100)}%` : 'n/a';

  const badges = h('div', { class: 'detail-badges' },
    typeBadge(gap.type, gap.secondary_type),
    gap.emerging ? h('span', { class: 'badge emerging' }, 'emerging') : null,
    gap.pattern ? h('span', { class: ['badge', 'outline'] }, words(gap.pattern)) : null);

  const stats = h('dl', { class: 'stats' },
    stat('Tickets', count(gap.ticket_count), isNumber(gap.mature_first_contacts) ? `${count(gap.mature_first_contacts)} mature first contacts` : null),
    stat('Failures', count(gap.failure_count), isNumber(gap.fcr_points_lost) ? `${(gap.fcr_points_lost * 100).toFixed(1)} FCR points lost` : null),
    rateStat('FCR', gap.fcr),
    stat('Expected lift', points(gap.expected_fcr_lift),
      isNumber(gap.expected_fcr_lift_ci_low) ? `95% ${(gap.expected_fcr_lift_ci_low * 100).toFixed(1)}–${(gap.expected_fcr_lift_ci_high * 100).toFixed(1)} pt` : null),
    stat('Failures, last 4 weeks', trendText, 'vs the 4 weeks before'),
    stat('Coverage', percent(gap.coverage, 0), isNumber(threshold) ? `tickets with an article ≥ ${similarity(threshold)}` : null),
    gap.reopen_rate ? rateStat('Reopened', gap.reopen_rate) : null,
    gap.escalation_rate ? rateStat('Escalated', gap.escalation_rate) : null,
    gap.deflection_rate ? rateStat('Deflection', gap.deflection_rate) : null,
    gap.nia_rate ? rateStat('Next-issue avoidance', gap.nia_rate) : null,
    gap.link_rate ? rateStat('Article linked', gap.link_rate) : null,
    isNumber(gap.median_hours_to_resolution) ? stat('Median time to resolve', `${gap.median_hours_to_resolution.toFixed(1)} h`) : null);

  const why = h('section', { class: 'detail-section', 'aria-labelledby': 'detail-why' },
    h('h3', { id: 'detail-why' }, 'Why this is a gap'),
    h('p', { class: 'reason' }, gap.reason),
    TYPE_ADVICE[gap.type] ? h('p', { class: 'advice' }, h('strong', null, 'Next step: '), TYPE_ADVICE[gap.type]) : null,
    gap.pattern_reason ? h('p', { class: 'muted small' }, h('strong', null, `${words(gap.pattern)}: `), gap.pattern_reason) : null,
    gap.agents?.length
      ? h('ul', { class: 'chips' }, gap.agents.map((agent) => h('li', { class: 'chip' },
        `${agent.name}${agent.kind && agent.kind !== 'agent' ? ` (${agent.kind})` : ''}: ${count(agent.failures)} failures of ${count(agent.tickets)}, ${isNumber(agent.expected_failures) ? agent.expected_failures.toFixed(1) : '?'} expected`)))
      : null);

  const keywords = gap.keywords?.length
    ? h('section', { class: 'detail-section', 'aria-labelledby': 'detail-keywords' },
      h('h3', { id: 'detail-keywords' }, 'Keywords'),
      h('ul', { class: 'chips' }, gap.keywords.map((keyword) => h('li', { class: 'chip' }, keyword))),
      gap.categories?.length ? h('p', { class: 'muted small' }, 'Categories: ', gap.categories.map((c) => `${c.key} (${count(c.count)})`).join(', ')) : null)
    : null;

  const weekly = gap.weekly_failures ?? [];
  const spark = weekly.length
    ? h('section', { class: 'detail-section', 'aria-labelledby': 'detail-weekly' },
      h('h3', { id: 'detail-weekly' }, 'Failures per week'),
      h('div', { class: 'spark-wrap' },
        sparkBars(weekly, { width: 320, height: 56, label: 'Failures per week' }),
        h('div', { class: 'spark-axis muted small' }, h('span', null, weekly[0].key), h('span', null, weekly.at(-1).key))))
    : null;

  const articles = h('section', { class: 'detail-section', 'aria-labelledby': 'detail-articles' },
    h('h3', { id: 'detail-articles' }, 'Matched articles'),
    isNumber(threshold) ? h('p', { class: 'muted small' }, `Similarity of each article's best section to the gap's centre; the tick marks the ${similarity(threshold)} threshold.`) : null,
    gap.top_articles?.length
      ? h('ol', { class: 'detail-articles' }, gap.top_articles.map((article) => h('li', { class: 'detail-article' },
        h('div', { class: 'row-between' },
          h('span', null, safeLink(article.url, article.title, { class: 'article-title' }), ' ', h('span', { class: 'muted small' }, article.id)),
          h('span', { class: 'sim-value' }, similarityMeter(article.similarity, threshold), ` ${similarity(article.similarity)}`)),
        h('p', { class: 'muted small' },
          article.best_chunk ? ['Best section: ', h('em', null, article.best_chunk)] : null,
          isNumber(article.linked_tickets) ? `${article.best_chunk ? ' · ' : ''}linked on ${count(article.linked_tickets)} ${article.linked_tickets === 1 ? 'ticket' : 'tickets'}` : null,
          article.linked_fcr ? ` · FCR when linked ${percent(article.linked_fcr.rate)} (${count(article.linked_fcr.numerator)}/${count(article.linked_fcr.denominator)})` : null,
          article.updated_at ? ` · updated ${date(article.updated_at)}` : null))))
      : h('p', { class: 'empty' }, 'No article matches this gap.'));

  const evidence = gap.evidence ?? [];
  const tickets = h('section', { class: 'detail-section', 'aria-labelledby': 'detail-evidence' },
    h('h3', { id: 'detail-evidence' }, `Evidence tickets (${evidence.length})`),
    evidence.length
      ? h('ol', { class: 'evidence' }, evidence.map((ticket) => evidenceItem(ticket)))
      : h('p', { class: 'empty' }, 'No evidence tickets in this report.'));

  return [badges, stats, sinceRunSection(gap), why, impactSection(gap), spark, historySection(gap), keywords, articles, nextIssuesSection(gap, (id) => openGap(id, document.querySelector(`.gap-row[data-gap-id="${CSS.escape(id)}"]`))), tickets];
}

function outcomeBadge(outcome) {
  const kind = outcome === 'success' ? 'ok' : outcome === 'failure' ? 'bad' : 'neutral';
  return h('span', { class: ['badge', `outcome-${kind}`] }, OUTCOME_LABELS[outcome] ?? words(outcome));
}

function evidenceItem(ticket) {
  return h('li', { class: 'evidence-item', dataset: { ticketId: ticket.id } },
    h('div', { class: 'row-between' },
      h('span', { class: 'case-subject' }, ticket.subject),
      h('span', { class: 'badges' },
        ticket.representative ? h('span', { class: ['badge', 'outline'], title: 'One of the tickets nearest the centre of the gap' }, 'typical') : null,
        outcomeBadge(ticket.outcome))),
    h('p', { class: 'case-meta' },
      [`#${ticket.id}`, date(ticket.created_at), ticket.category, ticket.agent, isNumber(ticket.similarity) ? `similarity ${similarity(ticket.similarity)}` : null]
        .filter(Boolean).join(' · ')),
    ticket.failure_reasons?.length
      ? h('ul', { class: 'chips reasons', 'aria-label': 'Why it failed' }, ticket.failure_reasons.map((reason) => h('li', { class: 'chip bad' }, words(reason))))
      : null,
    ticket.excerpt ? h('p', { class: 'excerpt' }, ticket.excerpt) : null,
    ticket.resolution ? h('p', { class: 'resolution' }, h('span', { class: 'label' }, 'Resolution'), ticket.resolution) : null,
    ticket.linked_article_ids?.length ? h('p', { class: 'muted small' }, `Linked: ${ticket.linked_article_ids.join(', ')}`) : null);
}

function closeGap() {
  const dialog = $('#gap-detail');
  if (dialog.open) {
    dialog.close();
  }
}

// ---------------------------------------------------------------- similar cases

let searchAbort = null;

async function search(query) {
  searchAbort?.abort();
  const controller = new AbortController();
  searchAbort = controller;
  const status = $('#similar-status');
  replace(status, 'Searching…');
  try {
    const result = await getJson(withQuery('/api/similar', { q: query, k: 5 }), { signal: controller.signal });
    renderSimilar(result ?? {});
    const resolved = result?.resolved?.length ?? 0;
    const failed = result?.failed?.length ?? 0;
    const shown = query.length > 80 ? `${query.slice(0, 77).trimEnd()}…` : query;
    replace(status, `${resolved} resolved and ${failed} failed cases like “${shown}”.`);
  } catch (error) {
    if (error?.name === 'AbortError') {
      return;
    }
    $('#similar-results').hidden = true;
    if (keyProblem(error, 'search similar cases')) {
      replace(status, 'The search needs an API key.');
    } else if (error instanceof ApiError && error.status === 409) {
      replace(status, 'Similar-case search needs an analysis of the tickets first: run one above.');
    } else if (error instanceof ApiError && error.status === 429) {
      replace(status, 'Too many searches at once. Wait a moment and search again.');
    } else {
      replace(status, `The search failed: ${error.message}`);
    }
  }
}

function linkedArticles(item) {
  const links = item.linked_articles ?? (item.linked_article_ids ?? []).map((id) => ({ id, title: id }));
  if (!links.length) {
    return null;
  }
  return h('p', { class: 'case-articles' }, h('span', { class: 'label' }, links.length === 1 ? 'Article' : 'Articles'),
    links.map((link, index) => [index > 0 ? ', ' : '', safeLink(link.url, link.title || link.id), link.title && link.title !== link.id ? h('span', { class: 'muted small' }, ` ${link.id}`) : null]));
}

function caseItem(item, worked) {
  return h('li', { class: ['case', worked ? 'worked' : 'failed'], dataset: { ticketId: item.id } },
    h('div', { class: 'row-between' },
      h('span', { class: 'case-subject' }, item.subject || '(no subject)'),
      h('span', { class: 'sim-value', title: 'Similarity to your description' }, similarity(item.similarity))),
    h('p', { class: 'case-meta' }, [`#${item.id}`, date(item.created_at), item.category].filter(Boolean).join(' · ')),
    item.excerpt && !worked ? h('p', { class: 'excerpt' }, item.excerpt) : null,
    item.resolution ? h('p', { class: 'resolution' }, h('span', { class: 'label' }, worked ? 'What resolved it' : 'What was tried'), item.resolution) : null,
    worked ? linkedArticles(item) : null,
    item.excerpt && worked ? h('p', { class: 'excerpt muted' }, item.excerpt) : null);
}

function renderSimilar(result) {
  const resolved = result.resolved ?? [];
  const failed = result.failed ?? [];
  const articles = result.articles ?? [];
  replace($('#similar-resolved'), resolved.length ? resolved.map((item) => caseItem(item, true)) : h('li', { class: 'empty' }, 'No similar case was resolved on first contact.'));
  replace($('#similar-failed'), failed.length ? failed.map((item) => caseItem(item, false)) : h('li', { class: 'empty' }, 'No similar case failed.'));
  replace($('#similar-articles'), articles.length
    ? articles.map((article) => h('li', { class: 'article-item' },
      h('div', { class: 'row-between' },
        safeLink(article.url, article.title, { class: 'article-title' }),
        h('span', { class: 'sim-value' }, similarity(article.similarity))),
      h('p', { class: 'case-meta' }, [article.id, article.heading ?? article.section].filter(Boolean).join(' · ')),
      similarityMeter(article.similarity, null, 120)))
    : h('li', { class: 'empty' }, 'No article matches.'));
  $('#similar-results').hidden = false;
}

// ---------------------------------------------------------------- analyses

const ACTIVE = new Set(['queued', 'running']);

function renderStatus() {
  const analysis = state.analysis;
  const text = $('#analysis-status');
  const dot = $('#status-dot');
  const progress = $('#analysis-progress');
  const button = $('#run-analysis');
  const active = analysis && ACTIVE.has(analysis.status);
  button.disabled = Boolean(active);
  button.textContent = active ? 'Analysis running…' : 'Run analysis';
  dot.className = `status-dot ${analysis ? analysis.status : 'none'}`;
  progress.hidden = !active;
  if (!analysis) {
    replace(text, 'No analysis has run yet. Run one to find the gaps.');
    return;
  }
  const id = h('code', null, analysis.id);
  switch (analysis.status) {
    case 'queued':
      replace(text, 'Analysis ', id, ' is queued…');
      progress.removeAttribute('value');
      break;
    case 'running': {
      const pct = isNumber(analysis.percent) ? Math.round(analysis.percent) : null;
      replace(text, 'Analysing: ', h('strong', null, analysis.stage ? words(analysis.stage) : 'starting'), pct === null ? '' : ` · ${pct}%`);
      if (pct === null) {
        progress.removeAttribute('value');
      } else {
        progress.value = pct;
        progress.textContent = `${pct}%`;
      }
      break;
    }
    case 'succeeded':
      replace(text, 'Latest analysis ', id, ` finished ${ago(analysis.finished_at)}`,
        isNumber(analysis.gap_count) ? ` · ${count(analysis.gap_count)} gaps` : '',
        analysis.finished_at ? h('span', { class: 'muted' }, ` (${dateTime(analysis.finished_at)})`) : '');
      break;
    case 'failed':
      replace(text, 'Latest analysis ', id, ' failed', analysis.error ? `: ${analysis.error}` : '.', ' Gaps shown are from the last successful run.');
      break;
    case 'cancelled':
      replace(text, 'Latest analysis ', id, ' was cancelled. Gaps shown are from the last successful run.');
      break;
    default:
      replace(text, 'Latest analysis ', id, `: ${words(analysis.status)}`);
  }
}

async function loadAnalysis() {
  try {
    state.analysis = await getJson('/api/analyses/latest');
  } catch (error) {
    state.analysis = null;
    if (error instanceof ApiError && error.status === 404) {
      renderStatus();
      return;
    }
    replace($('#analysis-status'), keyProblem(error, 'show its data')
      ? 'Enter the API key to see the analyses.'
      : `Analysis status unavailable: ${error.message}`);
    return;
  }
  renderStatus();
  if (ACTIVE.has(state.analysis.status)) {
    schedulePoll();
  }
}

function schedulePoll() {
  window.clearTimeout(state.pollTimer);
  state.pollTimer = window.setTimeout(poll, 1000);
}

async function poll() {
  const current = state.analysis;
  if (!current) {
    return;
  }
  try {
    state.analysis = await getJson(`/api/analyses/${encodeURIComponent(current.id)}`);
  } catch (error) {
    replace($('#analysis-status'), `Lost track of analysis ${current.id}: ${error.message}`);
    return;
  }
  renderStatus();
  if (ACTIVE.has(state.analysis.status)) {
    schedulePoll();
  } else if (state.analysis.status === 'succeeded') {
    await Promise.all([loadGaps(), loadMetrics()]);
  }
}

async function runAnalysis() {
  setApiKey($('#api-key').value);
  const button = $('#run-analysis');
  button.disabled = true;
  try {
    state.analysis = await postJson('/api/analyses', {});
    keyAccepted();
    clearAlert('run');
    renderStatus();
    schedulePoll();
  } catch (error) {
    if (!keyProblem(error, 'start an analysis')) {
      showAlert(`The analysis could not be started: ${error.message}`, { id: 'run' });
    } else {
      $('#api-key').focus();
    }
    renderStatus();
  }
}

// ---------------------------------------------------------------- wiring

function wire() {
  $('#run-analysis').addEventListener('click', runAnalysis);
  // A key typed after the server refused a read is used at once: Enter (or leaving the field) reloads the data.
  const applyKey = (event) => {
    event?.preventDefault();
    const hadKeyProblem = Boolean($('#alerts [data-alert="key"]'));
    setApiKey($('#api-key').value);
    if (hadKeyProblem && $('#api-key').value) {
      keyAccepted();
      refreshAll();
    }
  };
  $('#key-form').addEventListener('submit', applyKey);
  $('#api-key').addEventListener('change', () => applyKey());

  $('#segment-form').addEventListener('submit', (event) => event.preventDefault());
  $('#segment-dimension').addEventListener('change', (event) => {
    fillValues(event.target.value);
    applySegment();
  });
  $('#segment-value').addEventListener('change', applySegment);
  $('#segment-clear').addEventListener('click', () => {
    $('#segment-dimension').value = '';
    fillValues('');
    applySegment();
    $('#segment-dimension').focus();
  });

  $('#type-filter').addEventListener('change', (event) => setTypeFilter(event.target.value));

  const dialog = $('#gap-detail');
  $('#detail-close').addEventListener('click', closeGap);
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) {
      closeGap();
    }
  });
  dialog.addEventListener('close', () => {
    state.openGapId = null;
    const back = state.lastFocus;
    state.lastFocus = null;
    if (back && document.contains(back)) {
      back.focus();
    }
  });

  $('#similar-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const query = $('#similar-query').value.trim();
    if (query) {
      search(query);
    }
  });

  if ('ResizeObserver' in window) {
    let frame = 0;
    new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => renderTrend());
    }).observe($('#trend-chart'));
  }
}

async function refreshAll() {
  await Promise.allSettled([loadAnalysis(), loadMetrics(), loadGaps()]);
}

async function start() {
  wire();
  await refreshAll();
  document.body.dataset.ready = 'true';
}

start();
