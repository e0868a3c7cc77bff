// The gap drawer's "History" section: the gap's lineage (stable ids across runs) and its figures per run, from
// GET /api/gaps/{id}/history. Loaded when the drawer opens; a gap with no stored run shows a short note.
import { h, replace } from './dom.js';
import { ApiError, getJson } from './api.js';
import { miniLine } from './charts.js';
import { count, date, percent } from './format.js';

/** One sentence on how the gap relates to the previous run (report.json's lineage object). */
export function lineageText(lineage) {
  if (!lineage) {
    return null;
  }
  const since = lineage.first_seen ? ` · first seen ${date(lineage.first_seen)}, ${count(lineage.runs)} ${lineage.runs === 1 ? 'run' : 'runs'}` : '';
  switch (lineage.status) {
    case 'continued':
      return `Continued from the last run${since}`;
    case 'merged':
      return `Merged from ${[lineage.previous_id, ...(lineage.merged_from ?? [])].join(', ')}${since}`;
    case 'split':
      return `Split from ${lineage.parent_id}${since}`;
    default:
      return `New in this run${since}`;
  }
}

/** The drawer section for a gap; fills itself in when the history arrives. */
export function historySection(gap) {
  const body = h('div', { class: 'history-body' }, h('p', { class: 'muted small' }, 'Loading history…'));
  const section = h('section', { class: 'detail-section', 'aria-labelledby': 'detail-history', dataset: { section: 'history' } },
    h('h3', { id: 'detail-history' }, 'History'),
    gap.lineage ? h('p', { class: 'lineage small', dataset: { status: gap.lineage.status } }, lineageText(gap.lineage)) : null,
    body);
  load(gap.id, body);
  return section;
}

async function load(id, body) {
  try {
    const history = await getJson(`/api/gaps/${encodeURIComponent(id)}/history`);
    replace(body, render(history?.runs ?? []));
  } catch (error) {
    replace(body, h('p', { class: 'empty' }, error instanceof ApiError && error.status === 404
      ? 'No stored run has this gap yet (run the analysis with a store to keep its history).'
      : `History unavailable: ${error.message}`));
  }
}

function render(runs) {
  if (runs.length === 0) {
    return h('p', { class: 'empty' }, 'No history yet.');
  }
  const failures = runs.map((run) => run.failures);
  return [
    runs.length > 1
      ? h('div', { class: 'spark-wrap' }, miniLine(failures, { width: 160, height: 32, label: 'Failures per run' }), h('span', { class: 'muted small' }, ' failures per run'))
      : null,
    h('table', { class: 'history-table' },
      h('thead', null, h('tr', null, ['Run (as of)', 'Rank', 'Tickets', 'Failures', 'FCR', 'Type', 'Top article', 'Status'].map((label) => h('th', { scope: 'col' }, label)))),
      h('tbody', null, runs.map((run) => h('tr', { dataset: { runId: run.run_id, gapId: run.gap_id } },
        h('td', null, date(run.as_of)),
        h('td', null, `#${run.rank}`),
        h('td', null, count(run.tickets)),
        h('td', null, count(run.failures)),
        h('td', null, percent(run.fcr)),
        h('td', null, run.type),
        h('td', null, run.top_article_id ?? '–'),
        h('td', null, run.lineage?.status ?? '')))))];
}
