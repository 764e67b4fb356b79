import { ValidateBy, buildMessage, type ValidationOptions } from 'class-validator';
import { isIsoDate } from '@citymentor/domain';

/** A calendar date written `YYYY-MM-DD` (no 30 February, no year 0000). */
export const IsIsoDate = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isIsoDate',
      validator: {
        validate: (value) => typeof value === 'string' && isIsoDate(value),
        defaultMessage: buildMessage((each) => `${each}$property must be a real calendar date written YYYY-MM-DD`, options),
      },
    },
    options,
  );
