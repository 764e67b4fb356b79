/**
 * For the installation admin only: the way to the job board (the worker's queues on Bull Board,
 * read-only), which the API serves at JOB_BOARD_PATH to the admin's browser session and to no one else.
 * A new tab: the board is a page of its own, outside this app's router.
 */
import { JOB_BOARD_PATH } from '@citymentor/contracts';
import { t } from '../../i18n';

export function JobBoardLink() {
  return (
    <section aria-labelledby="job-board-title">
      <h2 id="job-board-title">{t('jobBoard.title')}</h2>
      <p>{t('jobBoard.intro')}</p>
      <p>
        <a href={JOB_BOARD_PATH} target="_blank" rel="noopener">
          {t('jobBoard.open')}
        </a>
      </p>
    </section>
  );
}
