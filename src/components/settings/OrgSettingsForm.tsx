'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { type SettingsResult, updateOrgSettings } from './actions';

type Props = { shortName: string; name: string; logoUrl: string | null; locked: boolean };

export function OrgSettingsForm({ shortName, name, logoUrl, locked }: Props) {
  const t = useTranslations('Settings');
  const [result, action, pending] = useActionState<SettingsResult | null, FormData>(updateOrgSettings, null);

  return (
    <div className="settings">
      {locked && (
        <p className="badge" data-testid="locked-reason">
          {t('lockedReason')}
        </p>
      )}
      <form action={action} data-testid="rename-form">
        <input type="hidden" name="shortName" value={shortName} />
        <input type="hidden" name="intent" value="rename" />
        <label>
          {t('name')}
          <input name="name" defaultValue={name} required maxLength={256} disabled={locked} data-testid="org-name-input" />
        </label>
        <button type="submit" disabled={locked || pending}>
          {t('save')}
        </button>
      </form>
      <p>
        {t('shortName')}: <code data-testid="org-short-name">{shortName}</code> — {t('shortNameFixed')}
      </p>
      <form action={action} data-testid="logo-form">
        <input type="hidden" name="shortName" value={shortName} />
        <input type="hidden" name="intent" value="logo" />
        <label>
          {t('logo')}
          <input type="file" name="logo" accept="image/png,image/jpeg,image/gif,image/webp" disabled={locked} data-testid="logo-input" />
        </label>
        <button type="submit" disabled={locked || pending}>
          {t('upload')}
        </button>
      </form>
      {logoUrl && (
        <form action={action}>
          <input type="hidden" name="shortName" value={shortName} />
          <input type="hidden" name="intent" value="remove-logo" />
          <button type="submit" disabled={locked || pending}>
            {t('removeLogo')}
          </button>
        </form>
      )}
      <p role="status" data-testid="settings-result">
        {result?.ok && t('saved')}
        {result && !result.ok && t(`errors.${result.error}`)}
      </p>
    </div>
  );
}
