'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useId, useRef, useState } from 'react';
import { Avatar } from '@/components/ui/avatar';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { FileInput } from '@/components/ui/file-input';
import { FieldMessage, Input, Label } from '@/components/ui/input';
import { useToast } from '@/components/ui/toast';
import { type SettingsResult, updateOrgSettings } from './actions';

type Props = { shortName: string; name: string; logoUrl: string | null; locked: boolean };

/**
 * Rename and logo. The name field is controlled, so a refused change keeps
 * what was typed; the outcome is a toast and, for errors, a message at the form.
 */
export function OrgSettingsForm({ shortName, name, logoUrl, locked }: Props) {
  const t = useTranslations('Settings');
  const notify = useToast();
  const router = useRouter();
  const id = useId();
  const [result, action, pending] = useActionState<SettingsResult | null, FormData>(updateOrgSettings, null);
  const [draft, setDraft] = useState(name);
  const shown = useRef<SettingsResult | null>(null);

  useEffect(() => {
    if (!result || shown.current === result) return;
    shown.current = result;
    if (!result.ok) return;
    notify(t('saved'));
    // The header, title and logo are server-rendered: read them again.
    router.refresh();
  }, [result, notify, router, t]);

  const error = result && !result.ok ? t(`errors.${result.error}`) : null;
  return (
    <div className="flex flex-col gap-6">
      {locked && (
        <p className="rounded-lg border border-warning/40 bg-warning/10 px-4 py-3 text-sm" data-testid="locked-reason">
          {t('lockedReason')}
        </p>
      )}
      <Card>
        <CardHeader>
          <CardTitle>{t('general')}</CardTitle>
        </CardHeader>
        <CardContent>
          <form action={action} data-testid="rename-form" className="flex flex-col gap-4">
            <input type="hidden" name="shortName" value={shortName} />
            <input type="hidden" name="intent" value="rename" />
            <div className="flex flex-col gap-1.5">
              <Label htmlFor={`${id}-name`}>{t('name')}</Label>
              <div className="flex flex-col gap-3 sm:flex-row">
                <Input id={`${id}-name`} name="name" value={draft} onChange={(e) => setDraft(e.target.value)} required maxLength={256} disabled={locked} aria-describedby={`${id}-short`} data-testid="org-name-input" />
                <Button type="submit" disabled={locked || pending}>
                  {t('save')}
                </Button>
              </div>
            </div>
            <FieldMessage id={`${id}-short`}>
              {t('shortName')} <code className="rounded bg-muted px-1.5 py-0.5 text-foreground" data-testid="org-short-name">{shortName}</code> — {t('shortNameFixed')}
            </FieldMessage>
          </form>
        </CardContent>
      </Card>
      <LogoCard shortName={shortName} name={name} logoUrl={logoUrl} locked={locked} pending={pending} action={action} />
      <p role="status" data-testid="settings-result" className={error ? 'text-sm text-destructive' : 'sr-only'}>
        {result?.ok && t('saved')}
        {error}
      </p>
    </div>
  );
}

type LogoCardProps = { shortName: string; name: string; logoUrl: string | null; locked: boolean; pending: boolean; action: (form: FormData) => void };

/** The current logo (or initials), upload and remove, through the same server action as the rename. */
function LogoCard({ shortName, name, logoUrl, locked, pending, action }: LogoCardProps) {
  const t = useTranslations('Settings');
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('logo')}</CardTitle>
        <CardDescription>{t('logoHint')}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4 sm:flex-row sm:items-center">
        <Avatar src={logoUrl} label={name} size="lg" square alt={logoUrl ? t('currentLogo') : ''} />
        <form action={action} data-testid="logo-form" className="flex flex-1 flex-col gap-3 sm:flex-row sm:items-center">
          <input type="hidden" name="shortName" value={shortName} />
          <input type="hidden" name="intent" value="logo" />
          <FileInput name="logo" aria-label={t('logoFile')} chooseLabel={t('chooseFile')} noneLabel={t('noFile')} accept="image/png,image/jpeg,image/gif,image/webp" disabled={locked} data-testid="logo-input" />
          <Button type="submit" variant="outline" disabled={locked || pending}>
            {t('upload')}
          </Button>
        </form>
        {logoUrl && (
          <form action={action}>
            <input type="hidden" name="shortName" value={shortName} />
            <input type="hidden" name="intent" value="remove-logo" />
            <Button type="submit" variant="ghost-destructive" disabled={locked || pending}>
              {t('removeLogo')}
            </Button>
          </form>
        )}
      </CardContent>
    </Card>
  );
}
