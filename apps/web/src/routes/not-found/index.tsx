import { usePageTitle } from '../../components/page-title';
import { t } from '../../i18n';
import { Link } from '../../router';

export default function NotFoundPage() {
  usePageTitle(t('notFound.title'));
  return (
    <section>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <Link href="/programmes">{t('notFound.home')}</Link>
      </p>
    </section>
  );
}
