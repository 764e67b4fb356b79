import { ERROR_CODES, type ErrorCode } from '@citymentor/contracts';
import { responseProblem } from '../../support/openapi-responses';
import { insidesShown } from './error-bodies';
import type { RawRequest, RawResponse } from './raw-http';

/**
 * What is wrong with the answer to a generated request: a 5xx, the server's insides, not the contract's
 * error shape, or not what docs/openapi.json says the route answers.
 */
export function problemsOf(req: RawRequest, res: RawResponse): string[] {
  const problems: string[] = [];
  const undocumented = responseProblem(req.method, req.path, {
    status: res.status,
    headers: res.headers,
    body: json(res.text),
  });
  if (undocumented) problems.push(`not as documented: ${undocumented}`);
  if (res.status >= 500) problems.push(`${res.status}: ${res.text.slice(0, 500)}`);
  if (res.status < 400) return problems;
  const shown = insidesShown(res.text, `${req.path} ${JSON.stringify(req.headers)} ${String(req.body ?? '')}`);
  if (shown.length) problems.push(`error body shows ${shown.join(', ')}: ${res.text.slice(0, 500)}`);
  let body: { statusCode?: unknown; message?: unknown; code?: unknown } = {};
  try {
    body = JSON.parse(res.text);
  } catch {
    // judged below
  }
  const shaped =
    body.statusCode === res.status && typeof body.message === 'string' && ERROR_CODES.includes(body.code as ErrorCode);
  if (!shaped) problems.push(`not the error shape: ${res.text.slice(0, 300)}`);
  return problems;
}

/** "GET /x?y {headers} body", cut short, for a failure message. */
export const describeRequest = (req: RawRequest) =>
  `${req.method} ${req.path.slice(0, 300)} ${JSON.stringify(req.headers).slice(0, 300)} ${String(req.body ?? '').slice(0, 300)}`;

function json(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
