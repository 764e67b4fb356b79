import type { Server } from 'node:http';
import request from 'supertest';
import { checkedAgainstDocument } from './openapi-responses';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * supertest against /api/v1, optionally signed in with an access token. Every response is checked
 * against docs/openapi.json (openapi-responses.ts): an undocumented status or body fails the test.
 */
export class ApiClient {
  constructor(
    private readonly server: Server,
    readonly token?: string,
  ) {}

  as(token: string): ApiClient {
    return new ApiClient(this.server, token);
  }

  get(path: string) {
    return this.call('get', path);
  }
  post(path: string, body?: unknown) {
    return this.call('post', path, body);
  }
  put(path: string, body?: unknown) {
    return this.call('put', path, body);
  }
  patch(path: string, body?: unknown) {
    return this.call('patch', path, body);
  }
  delete(path: string, body?: unknown) {
    return this.call('delete', path, body);
  }

  call(method: Method, path: string, body?: unknown) {
    const url = `/api/v1${path}`;
    let test = checkedAgainstDocument(request(this.server)[method](url), method, url);
    if (this.token) test = test.set('Authorization', `Bearer ${this.token}`);
    return body === undefined ? test : test.send(body as object);
  }
}
