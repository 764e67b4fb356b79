import { Injectable, type PipeTransform } from '@nestjs/common';
import { DomainError } from '@citymentor/domain';

/** An invitation token is 43 base64url characters; anything else cannot be one. */
@Injectable()
export class InvitationTokenPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!/^[A-Za-z0-9_-]{43}$/.test(value)) throw new DomainError('NOT_FOUND', 'Invitation not found or expired');
    return value;
  }
}
