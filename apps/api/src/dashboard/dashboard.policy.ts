import { Injectable } from '@nestjs/common';
import { forbidden } from '@citymentor/domain';
import type { Actor } from '../auth/actor';
import { ProgrammePolicy } from '../programmes/programme.policy';

/**
 * Who may monitor the whole consortium: its coordinators, its experts (who read every pair) and the
 * admin. A city member sees its own pairs, not the dashboard (403); a non-member gets 404.
 */
@Injectable()
export class DashboardPolicy {
  constructor(private readonly programmes: ProgrammePolicy) {}

  assert(actor: Actor, programmeId: string): void {
    const membership = this.programmes.assert(actor, 'read', programmeId);
    if (!actor.isAdmin && membership?.role === 'city-member') {
      throw forbidden('Only the coordinators and experts of the programme see its dashboard');
    }
  }
}
