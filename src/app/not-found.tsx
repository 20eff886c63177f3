import { NotFoundPage } from '@/components/layout/NotFoundPage';

// URLs outside any known locale, in the root layout's shell.
export default function RootNotFound() {
  return <NotFoundPage />;
}
