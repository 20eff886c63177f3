import { getFormatter, getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/layout/ClientMessages';
import { InvitationsTable } from '@/components/members/InvitationsTable';
import { InviteForm } from '@/components/members/InviteForm';
import { MembersTable } from '@/components/members/MembersTable';
import { TenantHeader } from '@/components/tenant/TenantHeader';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { enterLocale } from '@/i18n/enterLocale';
import { requireOrgAccess } from '@/lib/auth';
import { listInvitations, listMembers } from '@/lib/clerk';
import { ORG_ROLE } from '@/lib/domain';

type Props = { params: Promise<{ locale: string; tenant: string }> };

// Members and invitations, for org admins; read from and written to Clerk only.
export default async function MembersPage({ params }: Props) {
  const locale = await enterLocale(params);
  const { tenant: shortName } = await params;
  const { tenant, userId } = await requireOrgAccess(shortName, { role: ORG_ROLE.admin });
  const [members, invitations] = await Promise.all([listMembers(tenant.clerkOrgId), listInvitations(tenant.clerkOrgId)]);
  const [t, format] = await Promise.all([getTranslations('Members'), getFormatter()]);
  const date = (ms: number) => format.dateTime(new Date(ms), { dateStyle: 'medium' });
  return (
    <>
      <TenantHeader locale={locale} tenant={tenant} isAdmin current="members" />
      <ClientMessages namespaces={['Members']}>
        <div className="mx-auto flex max-w-5xl flex-col gap-6 px-4 py-8 sm:px-6" data-testid="members-page">
          <h1 className="text-xl font-semibold">{t('title', { name: tenant.name })}</h1>
          <Card>
            <CardHeader>
              <CardTitle>{t('inviteTitle')}</CardTitle>
              <CardDescription>{t('inviteBody')}</CardDescription>
            </CardHeader>
            <CardContent>
              <InviteForm shortName={tenant.shortName} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t('membersTitle', { count: members.length })}</CardTitle>
            </CardHeader>
            <MembersTable
              shortName={tenant.shortName}
              members={members.map((m) => ({ userId: m.userId, name: m.name, email: m.identifier, role: m.role, imageUrl: m.imageUrl, joined: date(m.joinedAt), isSelf: m.userId === userId }))}
            />
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t('invitations')}</CardTitle>
            </CardHeader>
            <InvitationsTable
              shortName={tenant.shortName}
              invitations={invitations.slice(0, 50).map((i) => ({ id: i.id, email: i.emailAddress, role: i.role, status: i.status, sent: date(i.createdAt) }))}
            />
          </Card>
        </div>
      </ClientMessages>
    </>
  );
}
