import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsString,
  Length,
  ValidateBy,
  ValidateIf,
  buildMessage,
  type ValidationOptions,
} from 'class-validator';
import { isIsoDate } from '@citymentor/domain';

/** A calendar date written `YYYY-MM-DD` (no 30 February, no year 0000). */
export const IsIsoDate = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isIsoDate',
      validator: {
        validate: (value) => typeof value === 'string' && isIsoDate(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be a real calendar date written YYYY-MM-DD`,
          options,
        ),
      },
    },
    options,
  );

/**
 * A list of texts: at most `maxItems` (at least `minItems`), each 1 to `maxLength` characters. The
 * checks are registered in the order a stack of the same decorators would be (bottom first), so the
 * messages come out as before.
 */
export const TextList = ({
  maxItems,
  maxLength,
  minItems = 0,
}: {
  maxItems: number;
  maxLength: number;
  minItems?: number;
}) =>
  applyDecorators(
    Length(1, maxLength, { each: true }),
    IsString({ each: true }),
    ArrayMaxSize(maxItems),
    ...(minItems > 0 ? [ArrayMinSize(minItems)] : []),
    IsArray(),
  );

/**
 * The field may be left out; when it is sent it must be valid, and `null` is refused (400 naming
 * the field). Use it instead of class-validator's `@IsOptional()`, which lets `null` through to the
 * service and on into a NOT NULL column (a 500). The pipe words the message ("… must not be null").
 */
export const Optional = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

/**
 * The field may be left out (kept as it is) or sent as `null` to clear it: `null` becomes `empty`
 * before validation, so the service sees the field's own empty value ('' for text) and never null.
 * With `empty` null, `null` is kept as it is (for a column that is null when unset). Marks the
 * property `nullable` in the OpenAPI document.
 */
export const Clearable = (empty: '' | null) =>
  applyDecorators(
    ApiProperty({ required: false, nullable: true }),
    Transform(({ value }: { value: unknown }) => (value === null ? empty : value)),
    ValidateIf((_object: object, value: unknown) => value !== undefined && value !== null),
  );
