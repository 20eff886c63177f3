import { ClerkCard } from '@/components/layout/ClerkCard';
import { enterLocale } from '@/i18n/enterLocale';

type Props = { params: Promise<{ locale: string }> };

export default async function SignUpPage({ params }: Props) {
  const locale = await enterLocale(params);
  return (
    <div className="flex justify-center px-4 py-12" data-testid="sign-up">
      <ClerkCard kind="sign-up" locale={locale} />
    </div>
  );
}
