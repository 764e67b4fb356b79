import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldError } from '@citymentor/contracts';

/** Flattens class-validator's tree into one entry per bad field, with its dotted path. */
export function fieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const path = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({
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
    validationError: { target: false, value: false },
    stopAtFirstError: true,
    exceptionFactory: (errors) => {
      const details = fieldErrors(errors);
      return new BadRequestException({ code: 'VALIDATION_FAILED', message: details.map((d) => d.message).join('; '), details });
    },
  });
}
