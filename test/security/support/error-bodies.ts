/** What must never reach a client in an error body: the server's insides. */
const INSIDES: [what: string, pattern: RegExp][] = [
  ['a stack trace', /\n\s*at \S+ \(|\bat [\w.<>]+ \([^)]*:\d+:\d+\)/],
  ['a file path', /(?:\/work\/|\/home\/|\/usr\/lib|node_modules|\/apps\/api\/|\/libs\/|\.[jt]s:\d+)/],
  [
    'SQL',
    /\b(?:select\s[\s\S]{1,200}?\sfrom|insert\s+into|update\s+"?\w+"?\s+set|delete\s+from)\b|syntax error at or near|violates (?:foreign key|unique|check|not-null) constraint|invalid input syntax for|relation "\w+"|column "\w+"/i,
  ],
  [
    'an internal error',
    /\b(?:TypeError|ReferenceError|RangeError|SyntaxError: Unexpected|DriverException|QueryFailedError|ECONNREFUSED|EntityManager|MikroORM)\b/,
  ],
];

/**
 * The insides an error body shows, if any. What the request itself carried (a name echoed in
 * "x is not a known field") is not held against it.
 */
export function insidesShown(body: string, request: string): string[] {
  const found: string[] = [];
  for (const [what, pattern] of INSIDES) {
    const match = pattern.exec(body);
    if (match && !request.includes(match[0])) found.push(`${what}: ${JSON.stringify(match[0])}`);
  }
  return found;
}
