// The gap drawer's "Next issues" section: where this gap's customers opened their next ticket within the NIA
// window (report.json next_issues), each linking to that gap's drawer, with the gap's related NIA and the
// failures it got through later messages of other gaps' tickets (docs/next-issues.md). Text only, via h().

import { h } from './dom.js';
import { count, percent } from './format.js';

/** The section for a gap, or null when the report has no next-issue data (an older report). */
export function nextIssuesSection(gap, openGap) {
  const next = gap.next_issues;
  if (!Array.isArray(next)) {
    return null;
  }
  const related = gap.related_nia;
  const secondary = gap.secondary_failure_ticket_ids ?? [];
  return h('section', { class: ['detail-section', 'next-issues'], 'aria-labelledby': 'detail-next' },
    h('h3', { id: 'detail-next' }, 'Next issues'),
    h('p', { class: 'muted small' },
      'Where customers opened their next ticket within the NIA window after a ticket here was resolved.',
      related ? ` Related NIA ${percent(related.rate)} (${count(related.numerator)}/${count(related.denominator)}): no new ticket in this gap.` : null),
    next.length
      ? h('ol', { class: 'next-issue-list' }, next.map((item) => h('li', { class: 'next-issue', dataset: { targetGapId: item.gap_id ?? '' } },
        item.gap_id
          ? h('a', {
            href: `#gap-${encodeURIComponent(item.gap_id)}`,
            class: 'next-issue-link',
            on: {
              click: (event) => {
                event.preventDefault();
                openGap(item.gap_id);
              },
            },
          }, item.title)
          : h('span', { class: 'muted' }, item.title),
        h('span', { class: 'muted small' },
          ` · ${count(item.tickets)} ${item.tickets === 1 ? 'ticket' : 'tickets'} · ${percent(item.share)}`,
          typeof item.lift === 'number' ? ` · ×${item.lift.toFixed(1)} vs other gaps` : null))))
      : h('p', { class: 'empty' }, 'No next tickets in other gaps within the window.'),
    secondary.length
      ? h('p', { class: 'muted small secondary-failures' },
        `${count(secondary.length)} failed ${secondary.length === 1 ? 'ticket' : 'tickets'} of other gaps came back about this one: `,
        secondary.slice(0, 12).map((id) => `#${id}`).join(', '),
        secondary.length > 12 ? ', …' : null)
      : null);
}
