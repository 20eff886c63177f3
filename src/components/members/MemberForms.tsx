'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { manageMembers, type MembersResult } from './actions';

function useMembersAction() {
  return useActionState<MembersResult | null, FormData>(manageMembers, null);
}

/** The fields every member form posts: what to do, to which org, and to whom. */
function Hidden({ fields }: { fields: Record<string, string> }) {
  return Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
}

function Result({ result }: { result: MembersResult | null }) {
  const t = useTranslations('Members');
  if (!result) return null;
  return (
    <span role="status" data-testid="members-result">
      {result.ok ? t('done') : t(`errors.${result.error}`)}
    </span>
  );
}

export function InviteForm({ shortName }: { shortName: string }) {
  const t = useTranslations('Members');
  const [result, action, pending] = useMembersAction();
  return (
    <form action={action} data-testid="invite-form">
      <Hidden fields={{ intent: 'invite', shortName }} />
      <label>
        {t('email')} <input type="email" name="email" required maxLength={320} data-testid="invite-email" />
      </label>
      <select name="role" defaultValue="org:member" aria-label={t('role')}>
        <option value="org:member">{t('roles.member')}</option>
        <option value="org:admin">{t('roles.admin')}</option>
      </select>
      <button type="submit" disabled={pending}>
        {t('invite')}
      </button>{' '}
      <Result result={result} />
    </form>
  );
}

export function MemberRow({ shortName, userId, label, role, isSelf }: { shortName: string; userId: string; label: string; role: string; isSelf: boolean }) {
  const t = useTranslations('Members');
  const [result, action, pending] = useMembersAction();
  const other = role === 'org:admin' ? 'org:member' : 'org:admin';
  return (
    <li data-testid="member">
      <span>{label}</span> — <span>{role === 'org:admin' ? t('roles.admin') : t('roles.member')}</span>
      {!isSelf && (
        <>
          <form action={action} className="inline">
            <Hidden fields={{ intent: 'set-role', shortName, userId, role: other }} />
            <button type="submit" disabled={pending}>
              {other === 'org:admin' ? t('makeAdmin') : t('makeMember')}
            </button>
          </form>
          <form action={action} className="inline">
            <Hidden fields={{ intent: 'remove', shortName, userId }} />
            <button type="submit" disabled={pending}>
              {t('remove')}
            </button>
          </form>
        </>
      )}{' '}
      <Result result={result} />
    </li>
  );
}

export function InvitationRow({ shortName, id, email, role }: { shortName: string; id: string; email: string; role: string }) {
  const t = useTranslations('Members');
  const [result, action, pending] = useMembersAction();
  return (
    <li data-testid="invitation">
      <span>{email}</span> — <span>{role === 'org:admin' ? t('roles.admin') : t('roles.member')}</span>
      <form action={action} className="inline">
        <Hidden fields={{ intent: 'revoke', shortName, invitationId: id }} />
        <button type="submit" disabled={pending}>
          {t('revoke')}
        </button>
      </form>{' '}
      <Result result={result} />
    </li>
  );
}
