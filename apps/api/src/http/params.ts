import { BadRequestException, Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` is a UUID as `UuidPipe` accepts it. */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/** Rejects a path or query parameter that is not a UUID, naming it. */
@Injectable()
export class UuidPipe implements PipeTransform<string, string> {
  transform(value: string, { data }: ArgumentMetadata): string {
    if (!isUuid(value)) {
      const field = data ?? 'id';
      throw new BadRequestException({
        code: 'VALIDATION_FAILED',
        message: `${field} must be a UUID`,
        details: [{ path: field, message: `${field} must be a UUID` }],
      });
    }
    return value.toLowerCase();
  }
}
