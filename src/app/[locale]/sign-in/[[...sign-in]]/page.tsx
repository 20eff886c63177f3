import { ClerkCard } from '@/components/layout/ClerkCard';
import { enterLocale } from '@/i18n/enterLocale';

type Props = { params: Promise<{ locale: string }> };

export default async function SignInPage({ params }: Props) {
  const locale = await enterLocale(params);
  return (
    <div className="flex justify-center px-4 py-12" data-testid="sign-in">
      <ClerkCard kind="sign-in" locale={locale} />
    </div>
  );
}
