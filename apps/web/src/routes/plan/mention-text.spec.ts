/// <reference types="jest" />
import { foldForSearch, insertMention, matchMentions, mentionAt } from './mention-text';

const TIINA = { id: '11111111-1111-4111-8111-111111111111', name: 'Tiina Tamm' };
const ELOISE = { id: '22222222-2222-4222-8222-222222222222', name: 'Éloïse Martin' };
const MARTINA = { id: '33333333-3333-4333-8333-333333333333', name: 'Martina Ortiz' };
const BERTIN = { id: '44444444-4444-4444-8444-444444444444', name: 'Ana Bertin' };

describe('mentionAt', () => {
  it('finds the @ before the caret and what was typed after it', () => {
    expect(mentionAt('Ask @ti', 7)).toEqual({ start: 4, query: 'ti' });
    expect(mentionAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionAt('Ask @Tiina Ta', 13)).toEqual({ start: 4, query: 'Tiina Ta' });
  });

  it('counts an @ glued to a word', () => {
    expect(mentionAt('signatory.@ti', 13)).toEqual({ start: 10, query: 'ti' });
  });

  it('reads only up to the caret', () => {
    expect(mentionAt('Ask @tiina later', 7)).toEqual({ start: 4, query: 'ti' });
  });

  it('ignores text with no @, an @ on an earlier line, a finished token and a long run after the @', () => {
    expect(mentionAt('No mention', 10)).toBeNull();
    expect(mentionAt('@ti\nnext', 8)).toBeNull();
    const token = `@[Tiina Tamm](${TIINA.id}) `;
    expect(mentionAt(token, token.length)).toBeNull();
    expect(mentionAt(`@${'x'.repeat(41)}`, 42)).toBeNull();
  });
});

describe('matchMentions', () => {
  const people = [MARTINA, BERTIN, TIINA, ELOISE];

  it('matches names whatever their accents and case', () => {
    expect(foldForSearch('Éloïse')).toBe('eloise');
    expect(matchMentions(people, 'ELOI')).toEqual([ELOISE]);
    expect(matchMentions(people, 'éloï')).toEqual([ELOISE]);
  });

  it('puts names starting with the query first, then a word starting with it, then the rest', () => {
    expect(matchMentions(people, 'mart')).toEqual([MARTINA, ELOISE]);
    expect(matchMentions(people, 'ort')).toEqual([MARTINA]);
    expect(matchMentions(people, 'ti')).toEqual([TIINA, MARTINA, BERTIN, ELOISE]);
  });

  it('offers everyone, in the order given, before anything is typed; no one when nothing matches', () => {
    expect(matchMentions(people, '')).toEqual(people);
    expect(matchMentions(people, 'zz')).toEqual([]);
  });
});

describe('insertMention', () => {
  const token = `@[Tiina Tamm](${TIINA.id})`;

  it('replaces what was typed with the token and a space, the caret after the space', () => {
    const text = 'Ask @ti';
    expect(insertMention(text, { start: 4, query: 'ti' }, 7, TIINA)).toEqual({
      text: `Ask ${token} `,
      caret: `Ask ${token} `.length,
    });
  });

  it('adds a space before the token when the @ was glued to a word', () => {
    const text = 'Check the signatory.@ti';
    const { text: result } = insertMention(text, { start: 20, query: 'ti' }, 23, TIINA);
    expect(result).toBe(`Check the signatory. ${token} `);
  });

  it('keeps the text after the caret, using the space already there', () => {
    const text = '@ti please check';
    const result = insertMention(text, { start: 0, query: 'ti' }, 3, TIINA);
    expect(result.text).toBe(`${token} please check`);
    expect(result.caret).toBe(token.length + 1);
    const glued = insertMention('@ti, please', { start: 0, query: 'ti' }, 3, TIINA);
    expect(glued.text).toBe(`${token} , please`);
  });

  it('leaves out of the name what would end the token early', () => {
    const odd = { id: TIINA.id, name: 'A]b\nc' };
    expect(insertMention('@', { start: 0, query: '' }, 1, odd).text).toBe(`@[A b c](${TIINA.id}) `);
  });
});
