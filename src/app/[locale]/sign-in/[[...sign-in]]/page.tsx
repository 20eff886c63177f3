import { SignIn } from '@clerk/nextjs';
import { enterLocale } from '@/i18n/enterLocale';

type Props = { params: Promise<{ locale: string }> };

export default async function SignInPage({ params }: Props) {
  const locale = await enterLocale(params);
  return (
    <div className="center" data-testid="sign-in">
      <SignIn path={`/${locale}/sign-in`} signUpUrl={`/${locale}/sign-up`} />
    </div>
  );
}
