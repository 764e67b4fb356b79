import { namesTag, weakTag } from './etag';

describe('ETags', () => {
  const tag = weakTag('build 1', '/api/v1/action-plans/x', 'user-1', '42|3@20261206|active|draft|mentee');

  it('is weak, opaque and changes with each of its parts', () => {
    expect(tag).toMatch(/^W\/"[A-Za-z0-9_-]{27}"$/);
    const others = [
      weakTag('build 2', '/api/v1/action-plans/x', 'user-1', '42|3@20261206|active|draft|mentee'),
      weakTag('build 1', '/api/v1/action-plans/x?target=plan', 'user-1', '42|3@20261206|active|draft|mentee'),
      weakTag('build 1', '/api/v1/action-plans/x', 'user-2', '42|3@20261206|active|draft|mentee'),
      weakTag('build 1', '/api/v1/action-plans/x', 'user-1', '43|3@20261206|active|draft|mentee'),
    ];
    expect(new Set([tag, ...others]).size).toBe(5);
  });

  it.each([
    [tag, true],
    [tag.slice(2), true], // the strong form of the same opaque tag: weak comparison
    [`W/"other", ${tag}`, true],
    [[`W/"other"`, tag], true],
    ['*', true],
    [' * ', true],
    ['W/"other"', false],
    ['', false],
    [undefined, false],
  ])('If-None-Match %j names it: %s', (header, expected) => {
    expect(namesTag(header, tag)).toBe(expected);
  });
});
