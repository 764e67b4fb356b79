import { t } from '../i18n';

/** Only web links become anchors; anything else in the data is shown as text. */
function isWebLink(value: string): boolean {
  return /^https?:\/\//i.test(value);
}

/** The links of a benchmark's city example (nothing when it has none). */
export function ExampleLinks({ links }: { links: string[] }) {
  if (links.length === 0) return null;
  return (
    <p class="example__links">
      <span class="visually-hidden">{t('benchmark.links')} </span>
      {links.map((link) =>
        isWebLink(link) ? (
          <a key={link} href={link} rel="noopener noreferrer external">
            {link}
          </a>
        ) : (
          <span key={link}>{link}</span>
        ),
      )}
    </p>
  );
}
