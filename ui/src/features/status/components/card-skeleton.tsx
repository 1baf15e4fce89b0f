import { Card, CardContent, CardHeader } from '@/components/ui/card';

export function CardSkeleton() {
  return (
    <Card aria-hidden className="animate-pulse">
      <CardHeader>
        <div className="flex items-center gap-3">
          <div className="size-8 rounded-md bg-muted" />
          <div className="space-y-1.5">
            <div className="h-3.5 w-24 rounded bg-muted" />
            <div className="h-3 w-36 rounded bg-muted" />
          </div>
        </div>
        <div className="h-5 w-14 rounded-full bg-muted" />
      </CardHeader>
      <CardContent className="grid grid-cols-2 gap-3">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="space-y-1.5">
            <div className="h-3 w-12 rounded bg-muted" />
            <div className="h-3.5 w-20 rounded bg-muted" />
          </div>
        ))}
      </CardContent>
    </Card>
  );
}
