import { ValidateIf } from 'class-validator';

/**
 * The field may be left out, but when it is sent it must be valid: unlike `@IsOptional()`,
 * `null` is not waved through (it would reach a NOT NULL column).
 */
export const Optional = () => ValidateIf((_object: object, value: unknown) => value !== undefined);
