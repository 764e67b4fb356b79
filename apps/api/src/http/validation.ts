import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldError } from '@citymentor/contracts';

/**
 * Flattens class-validator's tree into one entry per bad field, with its dotted path. A field sent
 * as `null` where null means nothing (see `Optional` in validators.ts) gets one plain message instead
 * of whichever of its checks ran first ("must be longer than …").
 */
export function fieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const path = parent ? `${parent}.${e.property}` : e.property;
    const messages = Object.values(e.constraints ?? {});
    const nullRefused = e.value === null && messages.length > 0 && !e.constraints?.whitelistValidation;
    const own = (nullRefused ? [`${path} must not be null`] : messages).map((message) => ({
      path,
      message: message.replace(/^property (\S+) should not exist$/, `${path} is not a known field`),
    }));
    return [...own, ...fieldErrors(e.children ?? [], path)];
  });
}

/** Whitelists DTO fields, rejects unknown ones, converts types, and names every bad field. */
export function createValidationPipe() {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    // Values stay in memory for fieldErrors (a null is named as such); no answer carries them.
    validationError: { target: false, value: true },
    stopAtFirstError: true,
    exceptionFactory: (errors) => {
      const details = fieldErrors(errors);
      return new BadRequestException({
        code: 'VALIDATION_FAILED',
        message: details.map((d) => d.message).join('; '),
        details,
      });
    },
  });
}
