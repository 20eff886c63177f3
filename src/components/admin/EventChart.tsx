import { getFormatter, getTranslations } from 'next-intl/server';
import type { EventHour } from '@/lib/db';

// Stacked bottom to top: a failure spike sits on the baseline, where the eye lands first.
const SERIES = [
  { status: 'failed', className: 'fill-destructive', swatch: 'bg-destructive' },
  { status: 'processing', className: 'fill-warning', swatch: 'bg-warning' },
  { status: 'ignored', className: 'fill-muted-foreground/50', swatch: 'bg-muted-foreground/50' },
  { status: 'processed', className: 'fill-success', swatch: 'bg-success' },
] as const;

const WIDTH = 480;
const HEIGHT = 120;
const GAP = 2;

/**
 * Webhook events per hour over the last 24 hours by status (issue 15), as
 * plain server-rendered SVG: a failure spike is seen faster than it is read
 * in a table. Screen readers get the title/description and a hidden table.
 */
export async function EventChart({ hours }: { hours: EventHour[] }) {
  const t = await getTranslations('AdminEvents');
  const format = await getFormatter();
  const totals = hours.map((h) => SERIES.reduce((sum, s) => sum + h.counts[s.status], 0));
  const max = Math.max(1, ...totals);
  const barWidth = WIDTH / Math.max(1, hours.length);
  const sums = Object.fromEntries(SERIES.map((s) => [s.status, hours.reduce((sum, h) => sum + h.counts[s.status], 0)])) as Record<(typeof SERIES)[number]['status'], number>;
  return (
    <figure className="flex flex-col gap-2" data-testid="event-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-32 w-full" role="img" aria-labelledby="event-chart-title event-chart-desc" preserveAspectRatio="none">
        <title id="event-chart-title">{t('chart.title')}</title>
        <desc id="event-chart-desc">{t('chart.summary', sums)}</desc>
        <line x1={0} x2={WIDTH} y1={HEIGHT - 0.5} y2={HEIGHT - 0.5} className="stroke-border" />
        {hours.map((h, i) => {
          let y = HEIGHT;
          return (
            <g key={h.hour.toISOString()}>
              {SERIES.map((s) => {
                const height = (h.counts[s.status] / max) * (HEIGHT - 4);
                y -= height;
                return height > 0 ? <rect key={s.status} x={i * barWidth + GAP / 2} y={y} width={barWidth - GAP} height={height} className={s.className} /> : null;
              })}
            </g>
          );
        })}
      </svg>
      <figcaption className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-muted-foreground">
        <span>{t('chart.range', { max })}</span>
        {SERIES.map((s) => (
          <span key={s.status} className="inline-flex items-center gap-1.5">
            <span className={`inline-block size-2.5 rounded-sm ${s.swatch}`} aria-hidden="true" />
            {t(`statuses.${s.status}`)} {format.number(sums[s.status])}
          </span>
        ))}
      </figcaption>
      <EventTable hours={hours} />
    </figure>
  );
}

/** The chart's numbers as a table, for screen readers. */
async function EventTable({ hours }: { hours: EventHour[] }) {
  const t = await getTranslations('AdminEvents');
  const format = await getFormatter();
  const hourLabel = (hour: Date) => format.dateTime(hour, { hour: 'numeric', minute: '2-digit' });
  return (
    <table className="sr-only">
      <caption>{t('chart.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('chart.hour')}</th>
          {SERIES.map((s) => (
            <th key={s.status} scope="col">
              {t(`statuses.${s.status}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {hours.map((h) => (
          <tr key={h.hour.toISOString()}>
            <th scope="row">{hourLabel(h.hour)}</th>
            {SERIES.map((s) => (
              <td key={s.status}>{format.number(h.counts[s.status])}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
