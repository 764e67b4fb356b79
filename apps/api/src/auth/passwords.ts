import * as argon2 from 'argon2';
import { loadPasswordChecker, passwordRefusal, type PasswordOwner } from '@citymentor/contracts';
import { DomainError } from '@citymentor/domain';

/** argon2id with the library's defaults (OWASP: m=64 MiB, t=3, p=4). */
export const hashPassword = (password: string) => argon2.hash(password, { type: argon2.argon2id });

export const verifyPassword = (hash: string, password: string) => argon2.verify(hash, password).catch(() => false);

/** Verified against when the e-mail is unknown, so a wrong e-mail costs the same time as a wrong password. */
export const DUMMY_HASH =
  '$argon2id$v=19$m=65536,t=3,p=4$nnMy2tIdaT8/OZyUEi65dA$yNWm1GPjaRmWGgNMdK15ZWq4TdWxLX5Dq/4nLccD5ug';

/**
 * Refuses a new password the policy (libs/contracts/src/password-policy.ts: zxcvbn score ≥ 3 with the
 * owner's name and e-mail address as user inputs) finds too easy to guess: 400 VALIDATION_FAILED naming
 * `field`, with zxcvbn's warning and suggestions and what would pass. Call it wherever a password is set.
 */
export async function assertStrongPassword(field: string, password: string, owner: PasswordOwner): Promise<void> {
  const verdict = (await loadPasswordChecker())(password, owner);
  if (verdict.ok) return;
  const message = passwordRefusal(field, verdict);
  throw new DomainError('VALIDATION_FAILED', message, [{ path: field, message }]);
}
