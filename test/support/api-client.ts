import type { Server } from 'node:http';
import request from 'supertest';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** supertest against /api/v1, optionally signed in with an access token. */
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
  delete(path: string) {
    return this.call('delete', path);
  }

  call(method: Method, path: string, body?: unknown) {
    let test = request(this.server)[method](`/api/v1${path}`);
    if (this.token) test = test.set('Authorization', `Bearer ${this.token}`);
    return body === undefined ? test : test.send(body as object);
  }
}
