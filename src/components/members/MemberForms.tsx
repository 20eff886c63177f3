'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { manageMembers, type MembersResult } from './actions';

function useMembersAction() {
  return useActionState<MembersResult | null, FormData>(manageMembers, null);
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
      <input type="hidden" name="intent" value="invite" />
      <input type="hidden" name="shortName" value={shortName} />
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
            <input type="hidden" name="intent" value="set-role" />
            <input type="hidden" name="shortName" value={shortName} />
            <input type="hidden" name="userId" value={userId} />
            <input type="hidden" name="role" value={other} />
            <button type="submit" disabled={pending}>
              {other === 'org:admin' ? t('makeAdmin') : t('makeMember')}
            </button>
          </form>
          <form action={action} className="inline">
            <input type="hidden" name="intent" value="remove" />
            <input type="hidden" name="shortName" value={shortName} />
            <input type="hidden" name="userId" value={userId} />
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
        <input type="hidden" name="intent" value="revoke" />
        <input type="hidden" name="shortName" value={shortName} />
        <input type="hidden" name="invitationId" value={id} />
        <button type="submit" disabled={pending}>
          {t('revoke')}
        </button>
      </form>{' '}
      <Result result={result} />
    </li>
  );
}
