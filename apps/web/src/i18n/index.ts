import { createStore, useStore } from '../store';
import { en, type MessageKey, type Messages } from './en';

export type { MessageKey } from './en';

export const LOCALES = { en: 'English', fr: 'Français' } as const;
export type Locale = keyof typeof LOCALES;

/** English is in the first load; French is a chunk of its own, loaded when chosen (an English visit never pays for it). */
const CATALOGUES: Partial<Record<Locale, Messages>> = { en };
const LOADERS: Record<Locale, () => Promise<Messages>> = {
  en: () => Promise.resolve(en),
  fr: () => import('./fr').then((m) => m.fr),
};

async function loadCatalogue(lang: Locale): Promise<void> {
  CATALOGUES[lang] ??= await LOADERS[lang]();
}
const STORAGE_KEY = 'citymentor.locale';

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && Object.hasOwn(LOCALES, value);
}

function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isLocale(saved)) return saved;
  } catch {
    // storage can be blocked; fall back to the browser's languages
  }
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.slice(0, 2).toLowerCase();
    if (isLocale(base)) return base;
  }
  return 'en';
}

export const locale = createStore<Locale>(initialLocale());
document.documentElement.lang = locale.get();
/** The first language's catalogue: main.tsx renders once it is in (English at once). */
export const catalogueReady: Promise<void> = loadCatalogue(locale.get());

/** Switches once the language's catalogue is in; until then the page stays in the language it is in. */
export function setLocale(next: Locale) {
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // the choice then lasts for this page only
  }
  void loadCatalogue(next).then(() => {
    document.documentElement.lang = next;
    locale.set(next);
  });
}

/** Components that call `t` re-render on a language change as long as an ancestor uses this (the App and each page: app.tsx). */
export function useLocale(): Locale {
  return useStore(locale);
}

type Params = Record<string, string | number>;

function interpolate(message: string, params?: Params): string {
  if (!params) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value) : value;
  });
}

/** The message for `key` in the current language, with `{name}` placeholders filled in. */
export function t(key: MessageKey, params?: Params): string {
  return interpolate(CATALOGUES[locale.get()]?.[key] ?? en[key], params);
}

/**
 * `t` for markup: the message as pieces, each `{name}` replaced by `parts[name]` as it is (a text, or
 * an element — e.g. a name someone wrote, marked as such) and the rest by `params` as `t` does.
 */
export function tParts<P>(key: MessageKey, parts: Record<string, P>, params?: Params): (string | P)[] {
  return (CATALOGUES[locale.get()]?.[key] ?? en[key])
    .split(/(\{\w+\})/)
    .filter((piece) => piece !== '')
    .map((piece) => {
      const name = /^\{(\w+)\}$/.exec(piece)?.[1];
      return name !== undefined && name in parts ? parts[name] : interpolate(piece, params);
    });
}

type PluralBase = { [K in MessageKey]: K extends `${infer Base}.other` ? Base : never }[MessageKey];

/** Plural-aware `t`: picks `base.one` or `base.other` by the language's plural rules; `{count}` is the number. */
export function tn(base: PluralBase, count: number, params?: Params): string {
  const category = cached(`plural:${locale.get()}`, () => new Intl.PluralRules(intlLocale())).select(count);
  const key = (category === 'one' ? `${base}.one` : `${base}.other`) as MessageKey;
  return t(key, { ...params, count });
}

// ---- Localised formats -------------------------------------------------------------------------

/** The BCP 47 tag for Intl: the browser's own variant of the chosen language when it has one (en-GB, fr-BE, …). */
function intlLocale(): string {
  const lang = locale.get();
  const preferred = (navigator.languages ?? []).find((tag) => tag.toLowerCase().startsWith(lang));
  return preferred ?? (lang === 'en' ? 'en-GB' : 'fr-FR');
}

const formatters = new Map<string, unknown>();
function cached<T>(key: string, make: () => T): T {
  if (!formatters.has(key)) formatters.set(key, make());
  return formatters.get(key) as T;
}

export function formatNumber(value: number): string {
  return cached(`number:${intlLocale()}`, () => new Intl.NumberFormat(intlLocale())).format(value);
}

/**
 * A calendar date (`YYYY-MM-DD`, as due dates and programme periods are) or an ISO timestamp.
 * Calendar dates are shown as they are written, whatever the viewer's time zone.
 */
export function formatDate(value: string): string {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = new Date(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  const tag = intlLocale();
  const format = cached(
    `date:${tag}:${dateOnly}`,
    () => new Intl.DateTimeFormat(tag, { dateStyle: 'long', ...(dateOnly ? { timeZone: 'UTC' } : {}) }),
  );
  return format.format(date);
}

/** A month (`YYYY-MM`) with its year: "Mar 2027", "mars 2027". */
export function formatMonth(month: string): string {
  const tag = intlLocale();
  return cached(
    `month:${tag}`,
    () => new Intl.DateTimeFormat(tag, { month: 'short', year: 'numeric', timeZone: 'UTC' }),
  ).format(new Date(`${month}-01T00:00:00Z`));
}

/** A calendar date (`YYYY-MM-DD`) without its year: "12 Mar", "12 mars". */
export function formatDayMonth(value: string): string {
  const tag = intlLocale();
  return cached(
    `daymonth:${tag}`,
    () => new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', timeZone: 'UTC' }),
  ).format(new Date(`${value}T00:00:00Z`));
}

/** A moment (ISO timestamp) with its time of day, in the viewer's time zone. */
export function formatDateTime(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const tag = intlLocale();
  return cached(
    `datetime:${tag}`,
    () => new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' }),
  ).format(date);
}

/** A percentage given as 0–100 (41.2 → "41 %" / "41 %"). */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  const tag = intlLocale();
  return cached(
    `percent:${tag}`,
    () => new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 }),
  ).format(value / 100);
}

/**
 * A difference between two percentages, in percentage points, signed: 41 → 51 is "+10 percentage
 * points", not "+10 %" (which would read as 10 % more than before).
 */
export function formatPoints(value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  const tag = intlLocale();
  const rounded = Math.round(value);
  const n = cached(
    `points:${tag}`,
    () => new Intl.NumberFormat(tag, { signDisplay: 'exceptZero', maximumFractionDigits: 0 }),
  ).format(rounded);
  return t(Math.abs(rounded) === 1 ? 'assessment.point' : 'assessment.points', { n });
}

/** An ISO 3166-1 alpha-2 code as a country name in the current language (FI → Finland / Finlande). */
export function formatCountry(code: string): string {
  try {
    return (
      cached(`region:${intlLocale()}`, () => new Intl.DisplayNames([intlLocale()], { type: 'region' })).of(code) ?? code
    );
  } catch {
    return code;
  }
}
