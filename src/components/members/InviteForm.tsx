'use client';

import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FieldMessage, Input, Label, Select } from '@/components/ui/input';
import { HiddenFields } from './HiddenFields';
import { useMembersAction } from './useMembersAction';
import { ORG_ROLE } from '@/lib/domain';

/**
 * Invite by email. The fields are controlled so that a refused invitation
 * ("already invited") keeps what was typed; a sent one clears them.
 */
export function InviteForm({ shortName }: { shortName: string }) {
  const t = useTranslations('Members');
  const [result, action, pending] = useMembersAction({ toastErrors: false });
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<string>(ORG_ROLE.member);
  const id = useId();
  const error = result && !result.ok ? result.error : null;

  // A sent invitation clears the field (adjusting state while rendering, once per result).
  const [seen, setSeen] = useState(result);
  if (result !== seen) {
    setSeen(result);
    if (result?.ok) setEmail('');
  }

  return (
    <form action={action} data-testid="invite-form" className="flex flex-col gap-2">
      <HiddenFields fields={{ intent: 'invite', shortName }} />
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
      <div className="flex flex-1 flex-col gap-1.5">
        <Label htmlFor={`${id}-email`}>{t('email')}</Label>
        <Input
          id={`${id}-email`}
          type="email"
          name="email"
          required
          maxLength={320}
          autoComplete="off"
          placeholder={t('emailPlaceholder')}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          data-testid="invite-email"
        />
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={`${id}-role`}>{t('role')}</Label>
        <Select id={`${id}-role`} name="role" value={role} onChange={(e) => setRole(e.target.value)} data-testid="invite-role">
          <option value={ORG_ROLE.member}>{t('roles.member')}</option>
          <option value={ORG_ROLE.admin}>{t('roles.admin')}</option>
        </Select>
      </div>
      <Button type="submit" disabled={pending} data-testid="invite-submit">
        {pending ? t('inviting') : t('invite')}
      </Button>
      </div>
      {error && (
        <FieldMessage id={`${id}-error`} tone="error" role="alert" data-testid="invite-error">
          {t(`errors.${error}`)}
        </FieldMessage>
      )}
    </form>
  );
}
