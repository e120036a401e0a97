import { PageHeader } from '../components/PageHeader';
import { UnavailableNotice } from '../components/UnavailableNotice';
import type { PageInfo } from '../lib/pages';

interface UnavailablePageProps {
  page: PageInfo;
}

export function UnavailablePage({ page }: UnavailablePageProps) {
  return (
    <div>
      <PageHeader icon={page.icon} title={page.title} subtitle={page.subtitle} />
      <UnavailableNotice title={page.title} />
    </div>
  );
}
