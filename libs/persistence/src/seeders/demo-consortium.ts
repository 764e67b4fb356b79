import type { OrganisationKind, ProgrammeRole } from '@citymentor/contracts';

/**
 * The demo consortium of product.md: CITIES GROW, coordinated by EUROCITIES, replayed around the day it
 * is seeded — a two-year programme that began about ten months ago — so the dashboard shows a programme
 * in its middle: most milestones done or ahead, a few late by days or weeks, some due soon.
 */
export const DEMO_PASSWORD = 'citymentor-demo';

const DAY_MS = 86_400_000;

/** Moments and calendar dates relative to the day the demo is seeded. */
export class DemoCalendar {
  constructor(readonly now: Date) {}

  /** The moment `offset` days from now (negative: ago). */
  moment(offset: number): Date {
    return new Date(this.now.getTime() + offset * DAY_MS);
  }

  /** The calendar date (UTC, `YYYY-MM-DD`) `offset` days from today. */
  date(offset: number): string {
    return this.moment(offset).toISOString().slice(0, 10);
  }

  /** The first day of the month `offset` months from this one. */
  monthStart(offset: number): string {
    return new Date(Date.UTC(this.now.getUTCFullYear(), this.now.getUTCMonth() + offset, 1)).toISOString().slice(0, 10);
  }
}

/** Two years from the first of the month ten months ago: ends about fourteen months from now. */
export function demoProgramme(calendar: DemoCalendar) {
  const startDate = calendar.monthStart(-10);
  const endDate = new Date(Date.parse(`${calendar.monthStart(14)}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
  return {
    name: `CITIES GROW ${startDate.slice(0, 4)}–${endDate.slice(0, 4)}`,
    description:
      'Cities integrating migrants and refugees through work, replaying the CITIES GROW project (2017–2019): local authorities from across Europe mentoring each other, coordinated by EUROCITIES with expert partners, funded by the European Commission Asylum, Migration and Integration Fund.',
    startDate,
    endDate,
  };
}

export const DEMO_ORGANISATIONS: { name: string; kind: OrganisationKind; country: string }[] = [
  { name: 'EUROCITIES', kind: 'network', country: 'BE' },
  { name: 'Migration Work CIC', kind: 'partner', country: 'GB' },
  { name: 'Migration Policy Institute Europe', kind: 'partner', country: 'BE' },
  { name: 'Migration Policy Group', kind: 'partner', country: 'BE' },
  { name: 'Helsinki', kind: 'city', country: 'FI' },
  { name: 'Dublin', kind: 'city', country: 'IE' },
  { name: 'Tampere', kind: 'city', country: 'FI' },
  { name: 'Vienna', kind: 'city', country: 'AT' },
  { name: 'Rotterdam', kind: 'city', country: 'NL' },
  { name: 'Lisbon', kind: 'city', country: 'PT' },
  { name: 'Amsterdam', kind: 'city', country: 'NL' },
  { name: 'Utrecht', kind: 'city', country: 'NL' },
  { name: 'Nicosia', kind: 'city', country: 'CY' },
  { name: 'Brighton & Hove', kind: 'city', country: 'GB' },
  { name: 'Wolverhampton', kind: 'city', country: 'GB' },
  { name: 'Coventry', kind: 'city', country: 'GB' },
];

export interface DemoAccount {
  label: string;
  email: string;
  name: string;
  organisation: string | null;
  role: ProgrammeRole | null;
  isAdmin?: boolean;
}

/** One account per role; README.md prints the same table. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { label: 'admin', email: 'admin@citymentor.eu', name: 'Alex Admin', organisation: null, role: null, isAdmin: true },
  {
    label: 'coordinator',
    email: 'coordinator@eurocities.eu',
    name: 'Claire Coordinator',
    organisation: 'EUROCITIES',
    role: 'coordinator',
  },
  {
    label: 'expert',
    email: 'expert@migrationwork.org',
    name: 'Eamon Expert',
    organisation: 'Migration Work CIC',
    role: 'expert',
  },
  {
    label: 'mentor city (Helsinki)',
    email: 'mentor@helsinki.fi',
    name: 'Mikko Mentor',
    organisation: 'Helsinki',
    role: 'city-member',
  },
  {
    label: 'mentee city (Tampere)',
    email: 'mentee@tampere.fi',
    name: 'Tiina Mentee',
    organisation: 'Tampere',
    role: 'city-member',
  },
  {
    label: 'city member (Vienna)',
    email: 'officer@vienna.gv.at',
    name: 'Valentina Officer',
    organisation: 'Vienna',
    role: 'city-member',
  },
  {
    label: 'city member (Nicosia)',
    email: 'officer@nicosia.org.cy',
    name: 'Nikos Officer',
    organisation: 'Nicosia',
    role: 'city-member',
  },
  {
    label: 'city member (Rotterdam)',
    email: 'officer@rotterdam.nl',
    name: 'Ruud Officer',
    organisation: 'Rotterdam',
    role: 'city-member',
  },
  {
    label: 'city member (Lisbon)',
    email: 'officer@lisboa.pt',
    name: 'Luísa Officer',
    organisation: 'Lisbon',
    role: 'city-member',
  },
  {
    label: 'city member (Dublin)',
    email: 'officer@dublincity.ie',
    name: 'Dara Officer',
    organisation: 'Dublin',
    role: 'city-member',
  },
  {
    label: 'city member (Brighton & Hove)',
    email: 'officer@brighton-hove.gov.uk',
    name: 'Bea Officer',
    organisation: 'Brighton & Hove',
    role: 'city-member',
  },
];

/** The consortium's milestones: the baseline done, the plans' approval running late, the rest ahead. */
export function demoConsortiumMilestones(calendar: DemoCalendar, endDate: string) {
  return [
    { title: 'Baseline self-assessments done', dueDate: calendar.date(-212), status: 'done' as const },
    { title: 'Action plans approved by mentors', dueDate: calendar.date(-18), status: 'in-progress' as const },
    { title: 'Mentoring visits completed', dueDate: calendar.date(95), status: 'in-progress' as const },
    { title: 'Follow-up self-assessments done', dueDate: calendar.date(335), status: 'planned' as const },
    { title: 'Final report to the funder', dueDate: endDate, status: 'planned' as const },
  ];
}
