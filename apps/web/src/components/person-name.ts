import { t } from '../i18n';

/** A person as records show them: their name, or "a former member of <organisation>" once their account is erased. */
export function personName(person: { name: string | null; former: boolean }, organisation: string | null): string {
  if (!person.former) return person.name ?? '';
  return organisation ? t('person.formerMember', { organisation }) : t('person.formerMemberUnknown');
}
