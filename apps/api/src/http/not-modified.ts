/**
 * Thrown before the handler when the request's If-None-Match names the current tag (etags/etag.ts): the
 * one error filter answers it with 304 and no body, the headers set so far kept, and the handler never runs.
 */
export class NotModified extends Error {
  constructor() {
    super('Not modified');
    this.name = 'NotModified';
  }
}
