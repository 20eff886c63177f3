import { ClerkCardPage } from '@/components/layout/ClerkCardPage';

type Props = { params: Promise<{ locale: string }> };

export default function SignUpPage({ params }: Props) {
  return <ClerkCardPage kind="sign-up" params={params} />;
}
