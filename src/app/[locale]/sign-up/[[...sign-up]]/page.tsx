import { SignUp } from '@clerk/nextjs';
import { enterLocale } from '@/i18n/enterLocale';

type Props = { params: Promise<{ locale: string }> };

export default async function SignUpPage({ params }: Props) {
  const locale = await enterLocale(params);
  return (
    <div className="center" data-testid="sign-up">
      <SignUp path={`/${locale}/sign-up`} signInUrl={`/${locale}/sign-in`} />
    </div>
  );
}
