import { parseMentions } from './mentions';

const A = '6f1c2a8e-0b7d-4b8e-9a51-3c0f1f7c2d11';
const B = '0a4f1b22-94d3-4c41-8a0e-5b6c7d8e9f00';

describe('parseMentions', () => {
  it('reads the user ids of @[Name](uuid) tokens, each once, in order', () => {
    expect(parseMentions(`@[Anna](${A}) and @[Bo Ek](${B}), again @[Anna V.](${A})`)).toEqual([A, B]);
  });

  it('lower-cases ids', () => {
    expect(parseMentions(`@[Anna](${A.toUpperCase()})`)).toEqual([A]);
  });

  it('ignores what only looks like a mention', () => {
    expect(parseMentions(`mail anna@example.eu, @Anna, @[Anna](not-a-uuid), @[](${A}), [Anna](${A})`)).toEqual([]);
  });

  it('ignores a name across lines', () => {
    expect(parseMentions(`@[An\nna](${A})`)).toEqual([]);
  });
});
