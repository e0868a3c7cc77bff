// Incremental assignment on the page: "+N since last run" on a gap's row, a "Since the last run" section in its
// drawer, and the provisional emerging gaps under the gap table. Data only ever becomes text (dom.js's h()).
import { $, h, replace } from './dom.js';
import { count, dateTime, percent } from './format.js';

/** The "+N since last run" badge of a gap row, or null when nothing was assigned to the gap since its analysis. */
export function sinceRunBadge(gap) {
  const since = gap?.since_run;
  if (!since || !since.tickets) {
    return null;
  }
  const failures = since.failures ? `, ${count(since.failures)} failed so far` : '';
  return h('span', {
    class: ['badge', 'subtle', 'since-run'],
    title: `${count(since.tickets)} ${since.tickets === 1 ? 'ticket' : 'tickets'} assigned at import since the last analysis${failures}`,
  }, `+${count(since.tickets)} since last run`);
}

/** The drawer's "Since the last run" section, or null without since-run figures. */
export function sinceRunSection(gap) {
  const since = gap?.since_run;
  if (!since) {
    return null;
  }
  const rows = [
    ['Tickets assigned', count(since.tickets), since.new_tickets !== since.tickets ? `${count(since.new_tickets)} new, the rest re-imported` : null],
    ['Failed so far', count(since.failures), `reopened ${count(since.reopened)} · escalated ${count(since.escalated)} · followed up ${count(since.followed_up)}`],
    ['Window still open', count(since.immature), 'first contacts whose outcome may still change'],
    ['FCR with them', percent(since.fcr?.rate), since.fcr ? `${count(since.fcr.numerator)} / ${count(since.fcr.denominator)} mature first contacts` : null],
  ];
  return h('section', { class: 'detail-section since-run-section', 'aria-labelledby': 'detail-since-run' },
    h('h3', { id: 'detail-since-run' }, 'Since the last run'),
    since.tickets
      ? h('dl', { class: 'stats' }, rows.map(([label, value, sub]) => h('div', { class: 'stat' },
        h('dt', null, label), h('dd', null, value, sub ? h('span', { class: 'sub' }, sub) : null))))
      : h('p', { class: 'empty' }, 'No ticket imported since the last analysis was assigned to this gap.'),
    since.updated_at ? h('p', { class: 'muted small' }, `Last assigned ${dateTime(since.updated_at)}.`) : null);
}

/** Lists the provisional emerging gaps of the /api/gaps document under the gap table (hidden when there are none). */
export function renderEmergingGaps(document) {
  const gaps = document?.emerging_gaps ?? [];
  let host = $('#emerging-gaps');
  if (!host) {
    const anchor = $('#gaps .table-card');
    if (!anchor) {
      return;
    }
    host = h('div', { id: 'emerging-gaps', class: ['card', 'emerging-gaps'], 'aria-live': 'polite' });
    anchor.after(host);
  }
  host.hidden = gaps.length === 0;
  replace(host, gaps.length === 0 ? null : [
    h('h3', null, 'Emerging since the last run'),
    h('p', { class: 'muted small' }, 'New failures that fit none of the gaps above and resemble each other. Provisional: the next analysis clusters them properly.'),
    h('ul', { class: 'emerging-list' }, gaps.map((gap) => h('li', { class: 'emerging-item', dataset: { gapId: gap.id } },
      h('span', { class: ['badge', 'emerging'] }, 'emerging'),
      ' ',
      h('span', { class: 'gap-title' }, gap.title),
      h('span', { class: 'muted small' }, ` · ${count(gap.ticket_count)} tickets · ${(gap.keywords ?? []).slice(0, 5).join(' · ')}`),
      h('span', { class: 'muted small' }, ` · since ${dateTime(gap.created_at)}`)))),
  ]);
}
