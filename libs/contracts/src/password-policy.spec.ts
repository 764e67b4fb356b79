import {
  loadPasswordChecker,
  ownerWords,
  passwordRefusal,
  PASSWORD_MIN_SCORE,
  type PasswordChecker,
} from './password-policy';

describe('the password policy (zxcvbn score ≥ 3, 10 to 200 characters)', () => {
  let check: PasswordChecker;
  beforeAll(async () => {
    check = await loadPasswordChecker();
  });
  const nora = { name: 'Nora Officer', email: 'nora.officer@city.example' };

  it.each(['aaaaaaaaaa', ' '.repeat(10), 'password123', '1234567890', 'qwertyuiop', 'Password2026!', 'Brussels2026'])(
    'refuses %j: long enough, easy to guess',
    (password) => {
      const verdict = check(password, nora);
      expect(verdict.ok).toBe(false);
      expect(verdict.score).toBeLessThan(PASSWORD_MIN_SCORE);
    },
  );

  it('says why in words: zxcvbn’s warning and suggestions', () => {
    const verdict = check('aaaaaaaaaa', nora);
    expect(verdict).toEqual({
      ok: false,
      score: 0,
      warning: 'Repeated characters like "aaa" are easy to guess.',
      suggestions: expect.arrayContaining(['Avoid repeated words and characters.']),
    });
    expect(check('password123', nora).warning).toBe('This is a commonly used password.');
  });

  it('refuses a password made of the person’s own name or e-mail address, which would pass for someone else', () => {
    for (const password of ['Nora Officer 2026', 'nora.officer@city.example']) {
      expect(check(password, nora)).toMatchObject({
        ok: false,
        warning: 'There should not be any personal or page related data.',
      });
      expect(check(password, { name: 'Pia Lind', email: 'pia@example.eu' }).ok).toBe(true);
    }
    expect(check('citymentor-demo', {}).ok).toBe(false); // the service's own name
  });

  it.each(['tulip kettle orbit canyon', 'correct-horse-battery', 'Sunflower-Budget-Ledger', 'a-long-password'])(
    'accepts %j',
    (password) => {
      expect(check(password, nora)).toMatchObject({ ok: true, warning: null });
    },
  );

  it('refuses fewer than 10 characters however random, and more than 200', () => {
    expect(check('x7#Qp!2z', nora)).toMatchObject({
      ok: false,
      warning: 'It has 8 characters; at least 10 are needed.',
    });
    expect(check(`${'tulip kettle orbit canyon '.repeat(8)}`, nora)).toMatchObject({
      ok: false,
      warning: 'It has more than 200 characters.',
    });
  });

  it('answers quickly even for long, symbol-heavy input (zxcvbn looks at 64 characters)', () => {
    const passwords = Array.from({ length: 20 }, (_, i) =>
      Array.from({ length: 200 }, (_, j) => String.fromCharCode(33 + ((i * 7919 + j * 104_729) % 90))).join(''),
    );
    const timed = (inputs: string[]) => {
      const started = performance.now();
      for (const password of inputs) check(password, nora);
      return performance.now() - started;
    };
    timed(passwords.slice(0, 2)); // warm up
    // Compared with their first 64 characters, not with a clock, so a loaded machine does not fail it:
    // bounded, 200 characters cost about as much as 64; unbounded, 10 to 50 times as much.
    const full = timed(passwords);
    const cut = timed(passwords.map((p) => p.slice(0, 64)));
    expect(full / cut).toBeLessThan(3);
  });

  it('uses the name, the e-mail address and their parts as user inputs', () => {
    expect(ownerWords(nora)).toEqual(
      expect.arrayContaining([
        'nora officer',
        'nora',
        'officer',
        'nora.officer@city.example',
        'nora.officer',
        'city',
        'example',
        'citymentor',
      ]),
    );
    expect(ownerWords({ name: null, email: undefined })).toEqual(['citymentor', 'city mentor', 'eurocities']);
  });

  it('words the refusal with the field, the reason and what would pass', () => {
    const message = passwordRefusal('newPassword', check('aaaaaaaaaa', nora));
    expect(message).toMatch(
      /^newPassword is too easy to guess \(strength 0 of 4, 3 needed\)\. Repeated characters like "aaa" are easy to guess\. .*Use 10 or more characters that are hard to guess: for example four or more unrelated words/,
    );
  });
});
