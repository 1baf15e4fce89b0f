import { RATE_HISTORY_MS, type RatePoint } from '../rate-history';

const WIDTH = 300;
const HEIGHT = 56;

const SERIES = [
  { key: 'received', label: 'Received', className: 'stroke-primary' },
  { key: 'stored', label: 'Stored', className: 'stroke-foreground/70' },
  { key: 'deadLettered', label: 'Dead-lettered', className: 'stroke-danger' },
] as const;

/** The last two minutes of the platform-wide rates as three lines (time on x, rate on y from 0 to the peak). */
export function RateSparkline({ points, now }: { points: readonly RatePoint[]; now: number }) {
  const peak = Math.max(1, ...points.flatMap((p) => [p.received, p.stored, p.deadLettered]));
  const x = (at: number) => Math.max(0, Math.min(WIDTH, WIDTH - ((now - at) / RATE_HISTORY_MS) * WIDTH));
  const y = (value: number) => HEIGHT - 2 - (value / peak) * (HEIGHT - 4);
  const label = `Rates over the last 2 minutes, ${points.length} samples, peak ${Math.round(peak)} per second`;
  return (
    <figure className="space-y-1.5" data-testid="ingest-history" data-points={points.length}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" className="h-14 w-full rounded-md bg-muted/50" role="img" aria-label={label}>
        {points.length > 1 &&
          SERIES.map((series) => (
            <polyline
              key={series.key}
              fill="none"
              strokeWidth={1.5}
              vectorEffect="non-scaling-stroke"
              className={series.className}
              points={points.map((p) => `${x(p.at).toFixed(1)},${y(p[series.key]).toFixed(1)}`).join(' ')}
            />
          ))}
      </svg>
      <figcaption className="flex flex-wrap items-center gap-x-4 gap-y-1 text-[11px] text-muted-foreground">
        <span>Last 2 min (peak {Math.round(peak)}/s)</span>
        {SERIES.map((series) => (
          <span key={series.key} className="flex items-center gap-1.5">
            <svg aria-hidden viewBox="0 0 10 2" className="h-0.5 w-3">
              <line x1="0" y1="1" x2="10" y2="1" strokeWidth={2} className={series.className} />
            </svg>
            {series.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
