import { Link } from 'react-router-dom';
import { buttonVariants } from '@/components/ui/button';
import { PageHeader } from './page-header';

export function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page not found" description="There is no console page at this address." />
      <Link to="/" className={buttonVariants({ variant: 'outline' })}>
        Back to the dashboard
      </Link>
    </>
  );
}
