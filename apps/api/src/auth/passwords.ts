import * as argon2 from 'argon2';

/** argon2id with the library's defaults (OWASP: m=64 MiB, t=3, p=4). */
export const hashPassword = (password: string) => argon2.hash(password, { type: argon2.argon2id });

export const verifyPassword = (hash: string, password: string) => argon2.verify(hash, password).catch(() => false);

/** Verified against when the e-mail is unknown, so a wrong e-mail costs the same time as a wrong password. */
export const DUMMY_HASH = '$argon2id$v=19$m=65536,t=3,p=4$nnMy2tIdaT8/OZyUEi65dA$yNWm1GPjaRmWGgNMdK15ZWq4TdWxLX5Dq/4nLccD5ug';
