/**
 * The dashboard's timeline: a table with one row for the consortium, then one per pair, and one
 * column per month of the programme. Each milestone is a link in its month's cell, stacked under
 * the others (a crowded cell shows "+N more"), with its shape and its status in words; late ones
 * are a triangle and say by how many days. Today's month is marked with a line and the words
 * "Today, …". The months scroll sideways under sticky row headers; "Show as a list" gives the same
 * milestones as a plain list.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Schemas } from '../../api/client';
import { workStatusLabel } from '../../components/labels';
import { formatDate, formatDayMonth, formatMonth, t, tn } from '../../i18n';
import { Link } from '../../router';
import { bucket, columnsFor, todayIn, type Column, type Mark, type Row } from './timeline-grid';

type Timeline = Schemas['TimelineDto'];
type Kind = Mark['status'] | 'late';

/** Shapes tell the status apart without colour; the words beside them say it. */
const SHAPES: Record<Kind, string> = { planned: '○', 'in-progress': '◐', done: '✓', blocked: '■', late: '▲' };
const KINDS: Kind[] = ['planned', 'in-progress', 'done', 'blocked', 'late'];
/** A cell shows at most this many milestones; a fuller one shows one less and "+N more". */
const CELL_MAX = 3;

function toRows(programmeId: string, timeline: Timeline, canManage: boolean): Row[] {
  const consortium: Row = {
    key: 'consortium',
    label: t('timeline.consortium'),
    marks: timeline.consortium.map((m) => ({
      id: m.id,
      title: m.title,
      dueDate: m.dueDate,
      status: m.status,
      late: m.late,
      daysLate: m.late ? daysBetween(m.dueDate, timeline.today) : 0,
      href: canManage ? `#cm-${m.id}` : `/programmes/${programmeId}#milestones-title`,
      where: t('timeline.consortium'),
    })),
  };
  const pairs = timeline.pairs.map((p): Row => {
    const label = `${p.mentorName} → ${p.menteeName}`;
    return {
      key: p.pairId,
      label,
      marks: p.milestones.map((m) => ({
        id: m.milestoneId,
        title: m.title,
        dueDate: m.dueDate,
        status: m.status,
        late: m.late,
        daysLate: m.daysLate,
        href: `/programmes/${programmeId}/plans/${m.planId}#milestone-${m.milestoneId}`,
        where: [label, ...m.sectionTitles].join(', '),
      })),
    };
  });
  return [consortium, ...pairs];
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
const kindOf = (m: Mark): Kind => (m.late ? 'late' : m.status);

/** "In progress, late by 9 days". */
function stateWords(m: Mark): string {
  const status = workStatusLabel(m.status);
  return m.late ? `${status}, ${tn('timeline.lateBy', m.daysLate)}` : status;
}

/** ", due 12 March 2027, in progress, late by 9 days": what a screen reader hears after the title. */
function markDetail(m: Mark): string {
  return t('timeline.markDetail', { date: formatDate(m.dueDate), status: stateWords(m).toLocaleLowerCase() });
}

function columnLabel(c: Column): string {
  if (c.kind === 'before') return t('timeline.before', { month: formatMonth(c.month) });
  if (c.kind === 'after') return t('timeline.after', { month: formatMonth(c.month) });
  return formatMonth(c.month);
}

function Marker({ mark }: { mark: Mark }) {
  const kind = kindOf(mark);
  return (
    <Link href={mark.href ?? '#'} class={`timeline__mark timeline__mark--${kind}`}>
      <span class="timeline__shape" aria-hidden="true">
        {SHAPES[kind]}
      </span>
      <span class="timeline__text">
        <span class="timeline__title" data-user-content>
          {mark.title}
        </span>
        <span class="timeline__meta">
          <span aria-hidden="true">
            {formatDayMonth(mark.dueDate)} · {stateWords(mark)}
          </span>
          <span class="visually-hidden">{markDetail(mark)}</span>
        </span>
        <span class="visually-hidden" data-user-content>
          {` — ${mark.where}`}
        </span>
      </span>
    </Link>
  );
}

function Cell({ marks, row, month }: { marks: Mark[]; row: string; month: string }) {
  const [open, setOpen] = useState(false);
  if (marks.length === 0) return null;
  const shown = open || marks.length <= CELL_MAX ? marks : marks.slice(0, CELL_MAX - 1);
  return (
    <ul class="timeline__marks">
      {shown.map((m) => (
        <li key={m.id}>
          <Marker mark={m} />
        </li>
      ))}
      {marks.length > CELL_MAX && (
        <li>
          <button type="button" class="link-button timeline__more" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? t('timeline.fewer') : t('timeline.more', { count: marks.length - shown.length })}
            <span class="visually-hidden">
              {' '}
              ({row}, {month})
            </span>
          </button>
        </li>
      )}
    </ul>
  );
}

function Legend() {
  return (
    <div class="timeline__legend">
      <span class="timeline__legend-title">{t('timeline.legend')}:</span>
      <ul class="timeline__legend-list">
        {KINDS.map((kind) => (
          <li key={kind} class={`timeline__legend-item timeline__mark--${kind}`}>
            <span class="timeline__shape" aria-hidden="true">
              {SHAPES[kind]}
            </span>{' '}
            {kind === 'late' ? t('programme.late') : workStatusLabel(kind)}
          </li>
        ))}
      </ul>
    </div>
  );
}

function TimelineTable({ rows, columns, today }: { rows: Row[]; columns: Column[]; today: string }) {
  const scroller = useRef<HTMLDivElement>(null);
  const now = todayIn(columns, today);
  const todayIndex = now.at === 'column' ? now.index : -1;
  // Open on today's month, and the one before it (the freshly late ones) when both fit: earlier ones scroll out.
  useEffect(() => {
    const box = scroller.current;
    const today = box?.querySelector<HTMLElement>('.timeline__month--today');
    const header = box?.querySelector<HTMLElement>('.timeline__corner');
    if (!box || !today || !header) return;
    const previous = today.previousElementSibling as HTMLElement | null;
    const room = box.clientWidth - header.offsetWidth;
    const first =
      previous && previous !== header && room >= previous.offsetWidth + today.offsetWidth ? previous : today;
    box.scrollLeft = Math.max(0, first.offsetLeft - header.offsetWidth);
  }, [todayIndex, columns.length]);
  return (
    <div class="timeline__scroll" ref={scroller} role="region" aria-labelledby="timeline-caption" tabIndex={0}>
      <table class="timeline__table">
        <thead>
          <tr>
            <th scope="col" class="timeline__corner">
              {t('timeline.rows')}
            </th>
            {columns.map((c, i) => (
              <th
                key={`${c.kind}${c.month}`}
                scope="col"
                class={i === todayIndex ? 'timeline__month timeline__month--today' : 'timeline__month'}
              >
                {columnLabel(c)}
                {i === todayIndex && (
                  <span class="timeline__today-label">{t('timeline.today', { date: formatDayMonth(today) })}</span>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" class="timeline__row">
                {row.label}
              </th>
              {bucket(columns, row.marks).map((marks, i) => (
                <td
                  key={i}
                  class={i === todayIndex ? 'timeline__cell timeline__cell--today' : 'timeline__cell'}
                  style={
                    i === todayIndex && now.at === 'column' ? { '--today-at': `${now.fraction * 100}%` } : undefined
                  }
                >
                  <Cell marks={marks} row={row.label} month={columnLabel(columns[i])} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function TimelineList({ rows }: { rows: Row[] }) {
  return (
    <div class="timeline__lists">
      {rows.map((row) => (
        <section key={row.key} aria-label={row.label}>
          <h3 class="timeline__list-title">{row.label}</h3>
          {row.marks.length === 0 ? (
            <p class="muted">{t('timeline.noneInRow')}</p>
          ) : (
            <ol class="timeline__list">
              {[...row.marks]
                .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
                .map((m) => (
                  <li key={m.id} class={`timeline__mark--${kindOf(m)}`}>
                    <span class="timeline__shape" aria-hidden="true">
                      {SHAPES[kindOf(m)]}
                    </span>{' '}
                    <Link href={m.href ?? '#'} data-user-content>
                      {m.title}
                    </Link>{' '}
                    · <time dateTime={m.dueDate}>{formatDate(m.dueDate)}</time> · {stateWords(m)}
                    {m.where !== row.label && m.where.startsWith(`${row.label}, `) && (
                      <> · {m.where.slice(row.label.length + 2)}</>
                    )}
                  </li>
                ))}
            </ol>
          )}
        </section>
      ))}
    </div>
  );
}

export function MilestoneTimeline({
  programmeId,
  timeline,
  canManage,
}: {
  programmeId: string;
  timeline: Timeline;
  canManage: boolean;
}) {
  const [asList, setAsList] = useState(false);
  const rows = toRows(programmeId, timeline, canManage);
  const columns = columnsFor(timeline.startDate, timeline.endDate, rows);
  const now = todayIn(columns, timeline.today);
  const empty = rows.every((r) => r.marks.length === 0);
  return (
    <figure class="timeline">
      <figcaption id="timeline-caption" class="timeline__caption">
        {t('dashboard.timeline')}
      </figcaption>
      <div class="timeline__tools">
        <Legend />
        <button
          type="button"
          class="button button--secondary timeline__toggle"
          aria-pressed={asList}
          onClick={() => setAsList(!asList)}
        >
          {t('timeline.showList')}
        </button>
      </div>
      {empty && <p>{t('timeline.empty')}</p>}
      {now.at !== 'column' && (
        <p class="timeline__today-note">
          {t(now.at === 'before' ? 'timeline.todayBefore' : 'timeline.todayAfter', {
            date: formatDate(timeline.today),
          })}
        </p>
      )}
      {asList ? (
        <TimelineList rows={rows} />
      ) : (
        <>
          <p class="hint timeline__hint">{t('timeline.scrollHint')}</p>
          <TimelineTable rows={rows} columns={columns} today={timeline.today} />
        </>
      )}
    </figure>
  );
}
