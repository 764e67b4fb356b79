import { Injectable } from '@nestjs/common';

/**
 * Who may open the job board: the installation admin, signed in (a current refresh token of a live
 * session). Anyone else gets 404, so the path is not advertised; and only reads (GET, HEAD), since the
 * board is opened by navigation with a cookie and nothing it changes could be asked for CSRF-safely.
 */
@Injectable()
export class JobBoardPolicy {
  mayOpen(method: string, holder: { isAdmin: boolean } | null): boolean {
    return (method === 'GET' || method === 'HEAD') && holder?.isAdmin === true;
  }
}
