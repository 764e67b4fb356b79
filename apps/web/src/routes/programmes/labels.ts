import type { Schemas } from '../../api/client';
import { t } from '../../i18n';

export type Role = Schemas['MemberDto']['role'];
export type MilestoneStatus = Schemas['ConsortiumMilestoneDto']['status'];
export type OrganisationKind = Schemas['OrganisationDto']['kind'];

export function roleLabel(role: Role | null): string {
  return role ? t(`role.${role}`) : t('role.none');
}

export function statusLabel(status: MilestoneStatus): string {
  return t(`status.${status}`);
}

export function kindLabel(kind: OrganisationKind): string {
  return t(`kind.${kind}`);
}
