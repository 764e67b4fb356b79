/**
 * The password rule, in one place for the API (which enforces it wherever a password is set: invitation
 * accept, POST /me/password) and the web client (which shows it as the user types).
 *
 * A new password needs 10 to 200 characters and a zxcvbn score of at least 3 of 4. zxcvbn estimates
 * how many guesses a cracker needs, knowing common passwords, English words and names, keyboard
 * patterns, dates, repeats and l33t substitutions, and — passed as user inputs — the person's own name
 * and e-mail address and the service's name. Score 3 ("safely unguessable") means at least 10^8
 * guesses: with argon2id stored hashes and sign-in limited per account, that is out of reach online and
 * costly offline, while a four-word passphrase still passes without symbols or capitals (score 4 would
 * refuse many reasonable passphrases). Length alone says little (`aaaaaaaaaa` scores 0).
 *
 * zxcvbn and its dictionaries (several hundred kB) are loaded on first use with a dynamic import: the
 * web client gets them as a chunk of their own, outside its first load; the worker never loads them.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
/** The zxcvbn score (0–4) a new password needs. */
export const PASSWORD_MIN_SCORE = 3;

/**
 * zxcvbn looks at this many characters at most: its matching grows steeply with length (200 random
 * symbols took seconds), and 64 characters that score 3 are not made guessable by what follows.
 */
const CHECKED_LENGTH = 64;
/** Bounds zxcvbn's l33t matcher, which is the slow one on symbol-heavy input (100 by default: ≈ 1 s). */
const L33T_MAX_SUBSTITUTIONS = 4;

/** Words a cracker would try first for this person besides the dictionaries. */
const SERVICE_WORDS = ['citymentor', 'city mentor', 'eurocities'];

export type PasswordScore = 0 | 1 | 2 | 3 | 4;

/** Whose password it is: their name and e-mail address make a password easier to guess. */
export interface PasswordOwner {
  name?: string | null;
  email?: string | null;
}

export interface PasswordVerdict {
  ok: boolean;
  /** zxcvbn's score, 0 (too guessable) to 4 (very unguessable). */
  score: PasswordScore;
  /** Why it is weak, in English (zxcvbn's warning, or the length), or null. */
  warning: string | null;
  /** How to make it stronger, in English (zxcvbn's suggestions). */
  suggestions: string[];
}

export type PasswordChecker = (password: string, owner: PasswordOwner) => PasswordVerdict;

/** The owner's name and e-mail address, whole and in parts, and the service's name: zxcvbn's user inputs. */
export function ownerWords(owner: PasswordOwner): string[] {
  const words = new Set<string>(SERVICE_WORDS);
  const add = (text: string | null | undefined, separators: RegExp) => {
    const whole = text?.trim().toLowerCase();
    if (!whole) return;
    words.add(whole);
    for (const part of whole.split(separators)) if (part.length >= 3) words.add(part);
  };
  add(owner.name, /[\s.,'’-]+/);
  add(owner.email, /[@._+-]+/);
  const local = owner.email?.split('@')[0];
  if (local) words.add(local.toLowerCase());
  return [...words];
}

/** What passes, in words, for the 400 and the client's message. */
export const PASSWORD_ADVICE = `Use ${PASSWORD_MIN_LENGTH} or more characters that are hard to guess: for example four or more unrelated words, not your name or e-mail address.`;

/** Turns zxcvbn's result into the verdict, length first. */
export function verdictOf(
  password: string,
  score: PasswordScore,
  feedback: { warning: string | null; suggestions: string[] },
): PasswordVerdict {
  const length = [...password].length;
  const lengthWarning =
    length < PASSWORD_MIN_LENGTH
      ? `It has ${length} characters; at least ${PASSWORD_MIN_LENGTH} are needed.`
      : length > PASSWORD_MAX_LENGTH
        ? `It has more than ${PASSWORD_MAX_LENGTH} characters.`
        : null;
  const warning = lengthWarning ?? (feedback.warning || null);
  return { ok: !lengthWarning && score >= PASSWORD_MIN_SCORE, score, warning, suggestions: feedback.suggestions };
}

/** The English sentence naming `field` that explains a refused password and what would pass. */
export function passwordRefusal(field: string, verdict: PasswordVerdict): string {
  const why = [verdict.warning, ...verdict.suggestions].filter(Boolean).join(' ');
  return `${field} is too easy to guess (strength ${verdict.score} of 4, ${PASSWORD_MIN_SCORE} needed).${why ? ` ${why}` : ''} ${PASSWORD_ADVICE}`;
}

let loading: Promise<PasswordChecker> | undefined;

/** Loads zxcvbn with the common and English dictionaries once, and returns the checker. */
export function loadPasswordChecker(): Promise<PasswordChecker> {
  loading ??= (async () => {
    const [{ ZxcvbnFactory }, common, en] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
    ]);
    const zxcvbn = new ZxcvbnFactory({
      translations: en.translations,
      graphs: common.adjacencyGraphs,
      dictionary: { ...common.dictionary, ...en.dictionary },
      maxLength: CHECKED_LENGTH,
      l33tMaxSubstitutions: L33T_MAX_SUBSTITUTIONS,
    });
    return (password: string, owner: PasswordOwner) => {
      const result = zxcvbn.check(password, ownerWords(owner));
      return verdictOf(password, result.score, result.feedback);
    };
  })().catch((error: unknown) => {
    loading = undefined; // a chunk that failed to load (the web client offline) is tried again next time
    throw error;
  });
  return loading;
}
