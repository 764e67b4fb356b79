/** The link of an invitation just created or resent: e-mailed already, shown once here to copy (clipboard, or select it). */
import { useRef, useState } from 'preact/hooks';
import { t } from '../../i18n';

export interface ShownLink {
  email: string;
  url: string;
  resent: boolean;
}

export function InvitationLink({ link }: { link: ShownLink }) {
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link.url);
      setCopied('yes');
    } catch {
      // No clipboard (permission refused, insecure context): the field is selected to copy by hand.
      setCopied('failed');
      field.current?.focus();
      field.current?.select();
    }
  };

  return (
    <div class="notice notice--good invitation-link">
      <p role="status">{t(link.resent ? 'invite.resentTo' : 'invite.sent', { email: link.email })}</p>
      <label for="invite-link">{t('invite.link')}</label>
      <div class="invitation-link__row">
        <input
          id="invite-link"
          ref={field}
          readOnly
          value={link.url}
          aria-describedby="invite-link-hint"
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" class="button" onClick={() => void copy()}>
          {t('invite.copy')}
        </button>
      </div>
      <p id="invite-link-hint" class="muted">
        {t('invite.linkOnce')}
      </p>
      <p role="status" class="invitation-link__copied">
        {copied === 'yes' ? `✓ ${t('invite.copied')}` : copied === 'failed' ? t('invite.copyByHand') : ''}
      </p>
    </div>
  );
}
