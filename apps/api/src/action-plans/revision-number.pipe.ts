import { BadRequestException, Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';

/** A revision number in the path: a positive integer, else a 400 naming the parameter. */
@Injectable()
export class RevisionNumberPipe implements PipeTransform<string | number, number> {
  transform(value: string | number, { data }: ArgumentMetadata): number {
    // The global ValidationPipe may already have turned the text into a number (or NaN).
    if (!/^[1-9]\d{0,8}$/.test(String(value))) {
      const field = data ?? 'number';
      throw new BadRequestException({
        code: 'VALIDATION_FAILED',
        message: `${field} must be a revision number (a positive integer)`,
        details: [{ path: field, message: `${field} must be a revision number (a positive integer)` }],
      });
    }
    return Number(value);
  }
}
