import { ClerkCardPage } from '@/components/layout/ClerkCardPage';

type Props = { params: Promise<{ locale: string }> };

export default function SignInPage({ params }: Props) {
  return <ClerkCardPage kind="sign-in" params={params} />;
}
