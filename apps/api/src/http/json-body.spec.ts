import { jsonDepth, MAX_JSON_DEPTH, unstorableTextAt } from './json-body';

describe('jsonDepth', () => {
  it.each([
    ['1', 0],
    ['{}', 1],
    ['{"a":[1,{"b":[]}]}', 4],
    ['{"a":"[[[[{{{{"}', 1],
    ['{"a":"\\"[[["}', 1],
    ['[[],[],[[]]]', 3],
  ])('%s nests %i deep', (text, depth) => {
    expect(jsonDepth(text)).toBe(depth);
  });

  it('stops counting once past the limit', () => {
    expect(jsonDepth('['.repeat(100_000), MAX_JSON_DEPTH)).toBe(MAX_JSON_DEPTH + 1);
  });
});

describe('unstorableTextAt', () => {
  it.each([
    [{ title: 'fine', tags: ['ok', '💥 emoji is a surrogate pair'] }, null],
    [{ title: 'a\u0000b' }, 'title'],
    [{ target: { id: 'x\ud800' } }, 'target.id'],
    [{ links: ['https://a.example', '\udc00'] }, 'links.1'],
    [{ 'bad\u0000key': 1 }, 'bad\u0000key'],
    ['\u0000', '(body)'],
  ])('%j → %s', (value, path) => {
    expect(unstorableTextAt(value)).toBe(path);
  });
});
