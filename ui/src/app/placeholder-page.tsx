import { Construction } from 'lucide-react';
import { Link } from 'react-router-dom';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent } from '@/components/ui/card';
import type { NavSection } from './nav';
import { PageHeader } from './page-header';

/** What an unbuilt section shows: what it will hold and which issue brings it. No fake data. */
export function PlaceholderPage({ section }: { section: NavSection }) {
  const Icon = section.icon;
  return (
    <>
      <PageHeader title={section.label} description={section.summary} />
      <Card data-testid="placeholder" data-section={section.path} className="border-dashed">
        <CardContent className="flex flex-col items-center gap-4 px-6 py-14 text-center">
          <span className="flex size-12 items-center justify-center rounded-full bg-muted text-muted-foreground">
            <Icon aria-hidden className="size-6" />
          </span>
          <div className="space-y-1.5">
            <Badge variant="neutral">
              <Construction aria-hidden className="size-3.5" />
              Not built yet
            </Badge>
            <h2 className="text-base font-semibold">
              {section.label} arrives with {section.arrivesWith}
            </h2>
            <p className="mx-auto max-w-md text-sm text-muted-foreground">
              This section of the console is planned but not part of this release. Platform health is available on
              the{' '}
              <Link to="/status" className="font-medium text-primary underline-offset-4 hover:underline">
                System status
              </Link>{' '}
              page.
            </p>
          </div>
        </CardContent>
      </Card>
    </>
  );
}
