import { BadRequestException } from '@nestjs/common';
import { IsInt, IsString, MaxLength, Min } from 'class-validator';
import { createValidationPipe } from './validation';
import { Clearable, IsIsoDate, Optional } from './validators';

class Example {
  @Optional() @IsString() @MaxLength(5) title?: string;
  @Optional() @IsInt() @Min(1) days?: number;
  @Clearable('') @IsString() @MaxLength(5) description?: string;
  @Clearable(null) @IsString() note?: string;
  @Optional() @IsIsoDate() dueDate?: string;
}

const pipe = createValidationPipe();
const validate = (body: unknown) => pipe.transform(body, { type: 'body', metatype: Example });
async function refusal(body: unknown) {
  const error = await validate(body).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BadRequestException);
  return ((error as BadRequestException).getResponse() as { details: { path: string; message: string }[] }).details;
}

describe('Optional and Clearable', () => {
  it('leave a field that is left out alone', async () => {
    const dto = await validate({});
    expect(Object.values(dto).filter((v) => v !== undefined)).toEqual([]);
  });

  it('Optional: null is refused with a message of its own, naming the field', async () => {
    expect(await refusal({ title: null })).toEqual([{ path: 'title', message: 'title must not be null' }]);
    expect(await refusal({ days: null, title: 'ok' })).toEqual([{ path: 'days', message: 'days must not be null' }]);
  });

  it('Optional: a value sent is validated as usual', async () => {
    expect(await refusal({ title: 'too long' })).toEqual([
      { path: 'title', message: expect.stringContaining('title must be shorter') },
    ]);
    await expect(validate({ title: 'ok', days: 3 })).resolves.toEqual({ title: 'ok', days: 3 });
  });

  it("Clearable(''): null becomes the empty value; anything else is validated", async () => {
    await expect(validate({ description: null })).resolves.toEqual({ description: '' });
    expect(await refusal({ description: 42 })).toEqual([
      { path: 'description', message: expect.stringContaining('description') },
    ]);
  });

  it('Clearable(null): null stays null (a column that is null when unset)', async () => {
    await expect(validate({ note: null })).resolves.toEqual({ note: null });
  });

  it('names an unknown field sent as null as unknown, not as null', async () => {
    expect(await refusal({ isAdmin: null })).toEqual([{ path: 'isAdmin', message: 'isAdmin is not a known field' }]);
  });

  it.each(['2026-02-30', '0000-01-01', '2023-02-29', '2026-13-01'])(
    'IsIsoDate refuses %s, naming the field',
    async (dueDate) => {
      expect(await refusal({ dueDate })).toEqual([
        { path: 'dueDate', message: 'dueDate must be a real calendar date written YYYY-MM-DD' },
      ]);
    },
  );
});
