/**
 * Least exposure of contact details (GDPR art. 5(1)(c)): a programme member's e-mail address is for
 * those who work with them, not for the whole consortium. Coordinators (and the installation admin) see
 * every member's; a member sees those of their own organisation and of the organisations theirs is
 * paired with in this programme (an active pair). Everyone else sees name, organisation and role only.
 */
export interface ContactViewer {
  isAdmin: boolean;
  /** The viewer's role in the programme, null when not a member (the admin). */
  role: string | null;
  /** The viewer's organisations in the programme. */
  organisationIds: readonly string[];
}

export interface ActivePairing {
  mentorOrganisationId: string;
  menteeOrganisationId: string;
}

/** The organisations whose members' e-mails `viewer` may see; 'all' for coordinators and the admin. */
export function contactsVisibleTo(viewer: ContactViewer, pairs: readonly ActivePairing[]): 'all' | Set<string> {
  if (viewer.isAdmin || viewer.role === 'coordinator') return 'all';
  const own = new Set(viewer.organisationIds);
  const visible = new Set(own);
  for (const pair of pairs) {
    if (own.has(pair.mentorOrganisationId)) visible.add(pair.menteeOrganisationId);
    if (own.has(pair.menteeOrganisationId)) visible.add(pair.mentorOrganisationId);
  }
  return visible;
}

export const contactVisible = (visible: 'all' | Set<string>, organisationId: string) =>
  visible === 'all' || visible.has(organisationId);
