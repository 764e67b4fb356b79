import type { OrganisationKind, ProgrammeRole } from '@citymentor/contracts';

/** The demo consortium of product.md: CITIES GROW 2017–2019, coordinated by EUROCITIES. */
export const DEMO_PASSWORD = 'citymentor-demo';

export const DEMO_PROGRAMME = {
  name: 'CITIES GROW 2017–2019',
  description:
    'Cities integrating migrants and refugees through work: 16 local authorities from 12 Member States mentoring each other, funded by the European Commission Asylum, Migration and Integration Fund.',
  startDate: '2017-02-01',
  endDate: '2019-01-31',
};

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
  { label: 'coordinator', email: 'coordinator@eurocities.eu', name: 'Claire Coordinator', organisation: 'EUROCITIES', role: 'coordinator' },
  { label: 'expert', email: 'expert@migrationwork.org', name: 'Eamon Expert', organisation: 'Migration Work CIC', role: 'expert' },
  { label: 'mentor city (Helsinki)', email: 'mentor@helsinki.fi', name: 'Mikko Mentor', organisation: 'Helsinki', role: 'city-member' },
  { label: 'mentee city (Tampere)', email: 'mentee@tampere.fi', name: 'Tiina Mentee', organisation: 'Tampere', role: 'city-member' },
  { label: 'city member (Vienna)', email: 'officer@vienna.gv.at', name: 'Valentina Officer', organisation: 'Vienna', role: 'city-member' },
  { label: 'city member (Nicosia)', email: 'officer@nicosia.org.cy', name: 'Nikos Officer', organisation: 'Nicosia', role: 'city-member' },
  { label: 'city member (Rotterdam)', email: 'officer@rotterdam.nl', name: 'Ruud Officer', organisation: 'Rotterdam', role: 'city-member' },
  { label: 'city member (Lisbon)', email: 'officer@lisboa.pt', name: 'Luísa Officer', organisation: 'Lisbon', role: 'city-member' },
  { label: 'city member (Dublin)', email: 'officer@dublincity.ie', name: 'Dara Officer', organisation: 'Dublin', role: 'city-member' },
  { label: 'city member (Brighton & Hove)', email: 'officer@brighton-hove.gov.uk', name: 'Bea Officer', organisation: 'Brighton & Hove', role: 'city-member' },
];

export const DEMO_CONSORTIUM_MILESTONES = [
  { title: 'Baseline self-assessments done', dueDate: '2017-06-30', status: 'done' as const },
  { title: 'Action plans approved by mentors', dueDate: '2017-12-15', status: 'done' as const },
  { title: 'Mentoring visits completed', dueDate: '2018-06-30', status: 'in-progress' as const },
  { title: 'Follow-up self-assessments done', dueDate: '2018-11-30', status: 'planned' as const },
  { title: 'Final report to the funder', dueDate: '2019-01-31', status: 'planned' as const },
];
