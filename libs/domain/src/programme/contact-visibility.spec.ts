import { contactsVisibleTo, contactVisible } from './contact-visibility';

const pairs = [
  { mentorOrganisationId: 'helsinki', menteeOrganisationId: 'tampere' },
  { mentorOrganisationId: 'vienna', menteeOrganisationId: 'liege' },
];
const member = (role: string, ...organisationIds: string[]) => ({ isAdmin: false, role, organisationIds });
const sees = (visible: ReturnType<typeof contactsVisibleTo>) =>
  ['helsinki', 'tampere', 'vienna', 'liege', 'eurocities'].filter((o) => contactVisible(visible, o));

describe('contactsVisibleTo', () => {
  it('shows coordinators and the installation admin every member’s e-mail', () => {
    expect(contactsVisibleTo(member('coordinator', 'eurocities'), pairs)).toBe('all');
    expect(contactsVisibleTo({ isAdmin: true, role: null, organisationIds: [] }, pairs)).toBe('all');
  });

  it('shows a city its own organisation and the cities it is paired with, in either role', () => {
    expect(sees(contactsVisibleTo(member('city-member', 'tampere'), pairs))).toEqual(['helsinki', 'tampere']);
    expect(sees(contactsVisibleTo(member('city-member', 'helsinki'), pairs))).toEqual(['helsinki', 'tampere']);
  });

  it('shows an expert, or a city without a pair, only their own organisation', () => {
    expect(sees(contactsVisibleTo(member('expert', 'eurocities'), pairs))).toEqual(['eurocities']);
    expect(sees(contactsVisibleTo(member('city-member', 'vienna'), []))).toEqual(['vienna']);
  });
});
