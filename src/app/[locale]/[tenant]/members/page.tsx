import { getTranslations } from 'next-intl/server';
import { InvitationRow, InviteForm, MemberRow } from '@/components/members/MemberForms';
import { enterLocale } from '@/i18n/enterLocale';
import { requireOrgAccess } from '@/lib/auth';
import { listMembers, listPendingInvitations } from '@/lib/clerk';

type Props = { params: Promise<{ locale: string; tenant: string }> };

// Members and invitations, for org admins; read from and written to Clerk only.
export default async function MembersPage({ params }: Props) {
  await enterLocale(params);
  const { tenant: shortName } = await params;
  const { tenant, userId } = await requireOrgAccess(shortName, { role: 'org:admin' });
  const [members, invitations] = await Promise.all([listMembers(tenant.clerkOrgId!), listPendingInvitations(tenant.clerkOrgId!)]);
  const t = await getTranslations('Members');
  return (
    <section className="page" data-testid="members-page">
      <h1>{t('title', { name: tenant.name })}</h1>
      <ul>
        {members.map((m) => (
          <MemberRow key={m.userId} shortName={tenant.shortName} userId={m.userId} label={m.name || m.identifier} role={m.role} isSelf={m.userId === userId} />
        ))}
      </ul>
      <h2>{t('invitations')}</h2>
      {invitations.length === 0 ? (
        <p>{t('noInvitations')}</p>
      ) : (
        <ul>
          {invitations.map((i) => (
            <InvitationRow key={i.id} shortName={tenant.shortName} id={i.id} email={i.emailAddress} role={i.role} />
          ))}
        </ul>
      )}
      <InviteForm shortName={tenant.shortName} />
    </section>
  );
}
