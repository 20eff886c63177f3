import { NotFoundPage } from '@/components/layout/NotFoundPage';

export default function LocaleNotFound() {
  return <NotFoundPage />;
}
