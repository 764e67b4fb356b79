import type { FieldError } from '@citymentor/contracts';
import type { BenchmarkDocument } from './benchmark-document';

const CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_TEXT = 20_000;

type Json = unknown;
type Check = (value: Json, path: string, errors: FieldError[]) => void;

const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

function text(max = MAX_TEXT, { optional = false, nullable = false } = {}): Check {
  return (v, path, errors) => {
    if (v === undefined && optional) return;
    if (v === null && nullable) return;
    if (typeof v !== 'string') return void errors.push({ path, message: `${path} must be a string` });
    if (v.trim() === '') return void errors.push({ path, message: `${path} must not be empty` });
    if (v.length > max) errors.push({ path, message: `${path} must be at most ${max} characters` });
  };
}

const code: Check = (v, path, errors) => {
  if (typeof v !== 'string' || !CODE.test(v) || v.length > 100) {
    errors.push({ path, message: `${path} must be a kebab-case code (a-z, 0-9, -), at most 100 characters` });
  }
};

function list(item: Check, { optional = false, min = 0, max = 500 } = {}): Check {
  return (v, path, errors) => {
    if (v === undefined && optional) return;
    if (!Array.isArray(v)) return void errors.push({ path, message: `${path} must be an array` });
    if (v.length < min) errors.push({ path, message: `${path} must have at least ${min} item(s)` });
    if (v.length > max) return void errors.push({ path, message: `${path} must have at most ${max} items` });
    v.forEach((x, i) => item(x, `${path}[${i}]`, errors));
  };
}

function object(shape: Record<string, Check>, { optional = false } = {}): Check {
  return (v, path, errors) => {
    if (v === undefined && optional) return;
    if (!isObject(v))
      return void errors.push({ path: path || '(root)', message: `${path || 'the document'} must be an object` });
    const at = (key: string) => (path ? `${path}.${key}` : key);
    for (const key of Object.keys(v)) {
      if (!(key in shape)) errors.push({ path: at(key), message: `${at(key)} is not a known field` });
    }
    for (const [key, check] of Object.entries(shape)) check(v[key], at(key), errors);
  };
}

const order: Check = (v, path, errors) => {
  if (!Number.isInteger(v) || (v as number) < 1) errors.push({ path, message: `${path} must be a positive integer` });
};

const url: Check = (v, path, errors) => {
  text(2000)(v, path, errors);
  if (typeof v === 'string' && !/^https?:\/\/\S+$/.test(v))
    errors.push({ path, message: `${path} must be an http(s) URL` });
};

const documentShape = object({
  code,
  title: text(300),
  standard: text(),
  introduction: text(MAX_TEXT, { optional: true }),
  terms: list(text(300), { optional: true }),
  programme: object(
    {
      name: text(200),
      fullName: text(300, { optional: true }),
      period: object({ start: text(7), end: text(7) }, { optional: true }),
      coordinator: text(200, { optional: true }),
      funding: text(500, { optional: true }),
      charter: text(300, { optional: true }),
      expertPartners: list(text(200), { optional: true }),
      consortium: text(500, { optional: true }),
      previousProjects: list(text(200), { optional: true }),
    },
    { optional: true },
  ),
  sections: list(
    object({
      code,
      order,
      title: text(300),
      standard: text(),
      rationale: text(),
      guideQuestions: list(object({ code: text(120), text: text(2000) }), { min: 1 }),
      examples: list(
        object({ city: text(200), text: text(), links: list(url), contact: text(1000, { nullable: true }) }),
      ),
    }),
    { min: 1, max: 100 },
  ),
  contextFactors: list(object({ code, title: text(300), examples: list(text(2000)) })),
  otherToolkits: list(object({ code, title: text(300), project: text(200) }), { optional: true }),
});

/** Codes must be unique, and each guide question's code must be `<its section code>.qN`. */
function checkReferences(doc: BenchmarkDocument, errors: FieldError[]) {
  const duplicate = (codes: string[], path: (i: number) => string) =>
    codes.forEach((c, i) => {
      if (codes.indexOf(c) !== i) errors.push({ path: path(i), message: `${path(i)} duplicates the code "${c}"` });
    });
  duplicate(
    doc.sections.map((s) => s.code),
    (i) => `sections[${i}].code`,
  );
  duplicate(
    doc.contextFactors.map((f) => f.code),
    (i) => `contextFactors[${i}].code`,
  );
  doc.sections.forEach((s, i) => {
    s.guideQuestions.forEach((q, j) => {
      const path = `sections[${i}].guideQuestions[${j}].code`;
      if (!new RegExp(`^${s.code}\\.q\\d+$`).test(q.code))
        errors.push({ path, message: `${path} must look like "${s.code}.q1"` });
    });
    duplicate(
      s.guideQuestions.map((q) => q.code),
      (j) => `sections[${i}].guideQuestions[${j}].code`,
    );
  });
}

export type BenchmarkValidation = { ok: true; document: BenchmarkDocument } | { ok: false; errors: FieldError[] };

/** Validates an untrusted benchmark document; every error names the exact path of the bad field. */
export function validateBenchmark(input: unknown): BenchmarkValidation {
  const errors: FieldError[] = [];
  documentShape(input, '', errors);
  if (errors.length === 0) checkReferences(input as BenchmarkDocument, errors);
  return errors.length ? { ok: false, errors } : { ok: true, document: input as BenchmarkDocument };
}
