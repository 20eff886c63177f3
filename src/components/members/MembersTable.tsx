'use client';

import { useTranslations } from 'next-intl';
import { useRef } from 'react';
import { Avatar } from '@/components/ui/avatar';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Table, TableCell, TableHeader } from '@/components/ui/table';
import { HiddenFields } from './HiddenFields';
import { useMembersAction } from './useMembersAction';
import { ORG_ROLE } from '@/lib/domain';

export type MemberView = { userId: string; name: string; email: string; role: string; imageUrl: string | null; joined: string; isSelf: boolean };

export function RoleBadge({ role }: { role: string }) {
  const t = useTranslations('Members');
  return role === ORG_ROLE.admin ? (
    <Badge tone="primary" data-testid="role-badge">
      {t('roles.admin')}
    </Badge>
  ) : (
    <Badge data-testid="role-badge">{t('roles.member')}</Badge>
  );
}

/** Members with avatar, name, email, role and joined date; role changes and removal ask first. */
export function MembersTable({ shortName, members }: { shortName: string; members: MemberView[] }) {
  const t = useTranslations('Members');
  const [, action, pending] = useMembersAction({ toastErrors: true });
  return (
    <Table data-testid="members-table">
      <TableHeader
        columns={[
          { label: t('columns.member') },
          { label: t('columns.role') },
          { label: t('columns.joined'), className: 'hidden sm:table-cell' },
          { label: <span className="sr-only">{t('columns.actions')}</span> },
        ]}
      />
      <tbody>
        {members.map((m) => (
          <tr key={m.userId} data-testid="member">
            <TableCell>
              <div className="flex items-center gap-3">
                <Avatar src={m.imageUrl} label={m.name || m.email} size="sm" />
                <div className="min-w-0">
                  <div className="truncate font-medium" data-testid="member-name">
                    {m.name || m.email}
                    {m.isSelf && <span className="ml-2 text-xs font-normal text-muted-foreground">{t('you')}</span>}
                  </div>
                  {m.name && <div className="truncate text-muted-foreground">{m.email}</div>}
                </div>
              </div>
            </TableCell>
            <TableCell>
              <RoleBadge role={m.role} />
            </TableCell>
            <TableCell className="hidden text-muted-foreground sm:table-cell">{m.joined}</TableCell>
            <TableCell className="text-right">
              {!m.isSelf && <MemberActions shortName={shortName} member={m} action={action} pending={pending} />}
            </TableCell>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

type ActionProps = { shortName: string; member: MemberView; action: (form: FormData) => void; pending: boolean };

function MemberActions({ shortName, member, action, pending }: ActionProps) {
  const t = useTranslations('Members');
  const roleForm = useRef<HTMLFormElement>(null);
  const removeForm = useRef<HTMLFormElement>(null);
  const other = member.role === ORG_ROLE.admin ? ORG_ROLE.member : ORG_ROLE.admin;
  const who = member.name || member.email;
  return (
    <div className="flex justify-end gap-2">
      <form ref={roleForm} action={action} hidden>
        <HiddenFields fields={{ intent: 'set-role', shortName, userId: member.userId, role: other }} />
      </form>
      <form ref={removeForm} action={action} hidden>
        <HiddenFields fields={{ intent: 'remove', shortName, userId: member.userId }} />
      </form>
      <ConfirmDialog
        trigger={
          <Button variant="outline" size="sm" disabled={pending}>
            {other === ORG_ROLE.admin ? t('makeAdmin') : t('makeMember')}
          </Button>
        }
        title={other === ORG_ROLE.admin ? t('confirm.makeAdminTitle') : t('confirm.makeMemberTitle')}
        description={t(other === ORG_ROLE.admin ? 'confirm.makeAdminBody' : 'confirm.makeMemberBody', { who })}
        confirmLabel={other === ORG_ROLE.admin ? t('makeAdmin') : t('makeMember')}
        cancelLabel={t('confirm.cancel')}
        confirmVariant="default"
        onConfirm={() => roleForm.current?.requestSubmit()}
      />
      <ConfirmDialog
        trigger={
          <Button variant="ghost-destructive" size="sm" disabled={pending}>
            {t('remove')}
          </Button>
        }
        title={t('confirm.removeTitle')}
        description={t('confirm.removeBody', { who })}
        confirmLabel={t('remove')}
        cancelLabel={t('confirm.cancel')}
        onConfirm={() => removeForm.current?.requestSubmit()}
      />
    </div>
  );
}
