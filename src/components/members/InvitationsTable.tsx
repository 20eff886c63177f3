'use client';

import { useTranslations } from 'next-intl';
import { useRef } from 'react';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Table, TableCell, TableHeader } from '@/components/ui/table';
import { HiddenFields } from './HiddenFields';
import { RoleBadge } from './MembersTable';
import { useMembersAction } from './useMembersAction';

export type InvitationView = { id: string; email: string; role: string; status: 'pending' | 'accepted' | 'revoked' | 'expired'; sent: string };

const TONE: Record<InvitationView['status'], BadgeTone> = { pending: 'warning', accepted: 'success', revoked: 'neutral', expired: 'neutral' };

/** Invitations with what became of them; a pending one can be revoked, after a confirmation. */
export function InvitationsTable({ shortName, invitations }: { shortName: string; invitations: InvitationView[] }) {
  const t = useTranslations('Members');
  const [, action, pending] = useMembersAction({ toastErrors: true });
  if (invitations.length === 0) return <p className="px-6 py-4 text-sm text-muted-foreground">{t('noInvitations')}</p>;
  return (
    <Table data-testid="invitations-table">
      <TableHeader
        columns={[
          { label: t('columns.email') },
          { label: t('columns.role') },
          { label: t('columns.status') },
          { label: t('columns.sent'), className: 'hidden sm:table-cell' },
          { label: <span className="sr-only">{t('columns.actions')}</span> },
        ]}
      />
      <tbody>
        {invitations.map((i) => (
          <tr key={i.id} data-testid={i.status === 'pending' ? 'invitation' : 'past-invitation'}>
            <TableCell className="font-medium">{i.email}</TableCell>
            <TableCell>
              <RoleBadge role={i.role} />
            </TableCell>
            <TableCell>
              <Badge tone={TONE[i.status]} data-testid="invitation-status">
                {t(`statuses.${i.status}`)}
              </Badge>
            </TableCell>
            <TableCell className="hidden text-muted-foreground sm:table-cell">{i.sent}</TableCell>
            <TableCell className="text-right">
              {i.status === 'pending' && <RevokeButton shortName={shortName} invitation={i} action={action} pending={pending} />}
            </TableCell>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

function RevokeButton({ shortName, invitation, action, pending }: { shortName: string; invitation: InvitationView; action: (form: FormData) => void; pending: boolean }) {
  const t = useTranslations('Members');
  const form = useRef<HTMLFormElement>(null);
  return (
    <>
      <form ref={form} action={action} hidden>
        <HiddenFields fields={{ intent: 'revoke', shortName, invitationId: invitation.id }} />
      </form>
      <ConfirmDialog
        trigger={
          <Button variant="ghost-destructive" size="sm" disabled={pending}>
            {t('revoke')}
          </Button>
        }
        title={t('confirm.revokeTitle')}
        description={t('confirm.revokeBody', { email: invitation.email })}
        confirmLabel={t('revoke')}
        cancelLabel={t('confirm.cancel')}
        onConfirm={() => form.current?.requestSubmit()}
      />
    </>
  );
}
