import { Injectable, type PipeTransform } from '@nestjs/common';
import { DomainError } from '@citymentor/domain';

/** A benchmark code is kebab-case; anything else cannot name one. */
@Injectable()
export class BenchmarkCodePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value) || value.length > 100) {
      throw new DomainError('VALIDATION_FAILED', 'code must be a kebab-case benchmark code', [
        { path: 'code', message: 'code must be a kebab-case benchmark code' },
      ]);
    }
    return value;
  }
}
