import { User } from '../identity/user.entity';
import { Invitation } from './invitation.entity';
import { Organisation } from './organisation.entity';
import { Programme } from './programme.entity';

const NOW = new Date('2026-12-06T12:00:00Z');
const later = (days: number) => new Date(NOW.getTime() + days * 86_400_000);

function invitation() {
  const network = new Organisation('Network', 'network', 'BE');
  return new Invitation({
    programme: new Programme('P', '2026-01-01', '2027-12-31', network),
    organisation: new Organisation('Liège', 'city', 'BE'),
    email: 'Officer@Liege.example',
    role: 'city-member',
    tokenHash: 'a'.repeat(64),
    mailToken: 'first-token',
    invitedBy: new User('coordinator@network.example', 'Cora', 'hash'),
    expiresAt: later(14),
  });
}

describe('Invitation', () => {
  it('is pending, then expired once its expiry is past', () => {
    const i = invitation();
    expect(i.status(NOW)).toBe('pending');
    expect(i.status(later(14))).toBe('expired');
  });

  it('is accepted once, and then neither resent nor revoked', () => {
    const i = invitation();
    i.accept(NOW);
    expect(i.status(later(30))).toBe('accepted');
    expect(i.mailToken).toBeNull();
    expect(() => i.accept(NOW)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() => i.revoke(NOW)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() =>
      i.resend({ tokenHash: 'b', mailToken: 'b', invitedBy: i.invitedBy, expiresAt: later(20), now: NOW }),
    ).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
  });

  it('cannot be accepted after its expiry or once revoked, as if unknown', () => {
    expect(() => invitation().accept(later(15))).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    const revoked = invitation();
    revoked.revoke(NOW);
    expect(() => revoked.accept(NOW)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('revokes for good: the token to mail is dropped, a second revoke keeps the first time, resending is refused', () => {
    const i = invitation();
    i.revoke(NOW);
    i.revoke(later(1));
    expect(i.revokedAt).toEqual(NOW);
    expect(i.mailToken).toBeNull();
    expect(i.status(NOW)).toBe('revoked');
    expect(() =>
      i.resend({ tokenHash: 'b', mailToken: 'b', invitedBy: i.invitedBy, expiresAt: later(20), now: NOW }),
    ).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
  });

  it('resends an expired invitation with a new token and expiry, to be mailed again', () => {
    const i = invitation();
    i.emailedAt = NOW;
    i.resend({
      tokenHash: 'b'.repeat(64),
      mailToken: 'second-token',
      invitedBy: i.invitedBy,
      expiresAt: later(30),
      now: later(15),
    });
    expect(i).toMatchObject({ tokenHash: 'b'.repeat(64), mailToken: 'second-token', sendCount: 2, emailedAt: null });
    expect(i.sentAt).toEqual(later(15));
    expect(i.status(later(15))).toBe('pending');
  });
});
