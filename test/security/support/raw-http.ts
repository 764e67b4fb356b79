import { Agent, request } from 'node:http';

export interface RawRequest {
  method: string;
  /** Path and query string, sent as given (after Node's own checks). */
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

const keepAlive = new Agent({ keepAlive: true, maxSockets: 8 });

/**
 * One HTTP request with no client-side opinions: any method, header, path or body that Node's
 * HTTP client agrees to put on the wire. Rejects when the server does not answer in `timeoutMs`.
 */
export async function send(baseUrl: string, req: RawRequest, timeoutMs = 15_000): Promise<RawResponse> {
  try {
    return await sendOn(keepAlive, baseUrl, req, timeoutMs);
  } catch (error) {
    // The server may close a kept-alive connection (after a 413, say) just as the next request goes out on it:
    // that is the client's race, not an answer. Try once more on a connection of its own.
    if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') throw error;
    return sendOn(undefined, baseUrl, req, timeoutMs);
  }
}

function sendOn(agent: Agent | undefined, baseUrl: string, req: RawRequest, timeoutMs: number): Promise<RawResponse> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const headers = { ...req.headers };
    if (req.body !== undefined) headers['content-length'] = String(Buffer.byteLength(req.body));
    const r = request(
      { host: url.hostname, port: url.port, method: req.method, path: req.path, headers, agent: agent ?? false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    r.setTimeout(timeoutMs, () => r.destroy(new Error(`no answer within ${timeoutMs} ms: ${req.method} ${req.path}`)));
    r.on('error', reject);
    r.end(req.body);
  });
}

export const closeConnections = () => keepAlive.destroy();
