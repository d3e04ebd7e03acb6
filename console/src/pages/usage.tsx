import { api, unwrap } from '../api/client';
import type { Interview, OkOf } from '../api/types';
import { day, t } from '../strings';
import { LoadState } from '../load-state';
import { useLoad } from '../ui';

const DAYS = 30;
const MAX_PAGES = 10;

/** Interviews created in the last 30 days, newest first, until the page reaches older ones. */
async function recentInterviews(since: Date): Promise<Interview[]> {
  const rows: Interview[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const query = { page, limit: 100, sort: 'createdAt', order: 'desc', createdAfter: since.toISOString() } as const;
    const answer = await unwrap(api.GET('/v1/interviews', { params: { query } }));
    const recent = answer.data.filter((i) => new Date(i.createdAt) >= since);
    rows.push(...recent);
    if (recent.length < answer.data.length || page >= answer.totalPages) break;
  }
  return rows;
}

/** The browser's own calendar days, oldest first. */
function lastDays(count: number): Date[] {
  const today = new Date();
  today.setHours(0, 0, 0, 0);
  return Array.from({ length: count }, (_, i) => new Date(today.getFullYear(), today.getMonth(), today.getDate() - (count - 1 - i)));
}

export function UsagePage() {
  const loaded = useLoad(async () => {
    const now = new Date();
    const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    const days = lastDays(DAYS);
    const [usage, interviews] = await Promise.all([
      unwrap(api.GET('/v1/billing/usage', { params: { query: { start: monthStart.toISOString(), end: now.toISOString() } } })),
      recentInterviews(days[0] as Date),
    ]);
    const counts = days.map((d) => interviews.filter((i) => new Date(i.createdAt).toDateString() === d.toDateString()).length);
    return { usage, days, counts };
  }, []);
  return <LoadState state={loaded}>{(data) => <Usage {...data} />}</LoadState>;
}

function Usage({ usage, days, counts }: { usage: OkOf<'/v1/billing/usage', 'get'>; days: Date[]; counts: number[] }) {
  const company = usage.companies[0];
  return (
    <>
      <h1>{t.usage.title}</h1>
      <section aria-labelledby="month">
        <h2 id="month">{t.usage.month}</h2>
        <dl class="facts big">
          <dt>{t.usage.used}</dt>
          <dd id="minutes-used">{usage.totalMinutesUsed}</dd>
          <dt>{t.usage.committed}</dt>
          <dd id="minutes-committed">{company?.committedMinutes ?? t.usage.unknown}</dd>
          <dt>{t.usage.allowance}</dt>
          <dd id="minutes-allowance">{company?.allowanceMinutes ?? t.usage.unknown}</dd>
          <dt>{t.usage.interviews}</dt>
          <dd>{usage.totalInterviews}</dd>
        </dl>
        {company?.allowanceMinutes ? <meter min={0} max={company.allowanceMinutes} value={company.committedMinutes ?? usage.totalMinutesUsed} aria-label={t.usage.committed} /> : null}
      </section>
      <section aria-labelledby="per-day">
        <h2 id="per-day">{t.usage.perDay}</h2>
        <DayChart days={days} counts={counts} />
      </section>
    </>
  );
}

function DayChart({ days, counts }: { days: Date[]; counts: number[] }) {
  const width = 600;
  const height = 160;
  const max = Math.max(1, ...counts);
  const bar = width / counts.length;
  const total = counts.reduce((a, b) => a + b, 0);
  return (
    <svg class="chart" viewBox={`0 0 ${width} ${height + 20}`} role="img" aria-label={t.usage.chartLabel(total)}>
      {counts.map((n, i) => {
        const h = (n / max) * height;
        return (
          <rect key={i} x={i * bar + 2} y={height - h} width={bar - 4} height={h} class="bar">
            <title>{t.usage.dayBar(day(days[i] as Date), n)}</title>
          </rect>
        );
      })}
      <line x1="0" y1={height} x2={width} y2={height} class="axis" />
      <text x="0" y={height + 16} class="tick">
        {day(days[0] as Date)}
      </text>
      <text x={width} y={height + 16} text-anchor="end" class="tick">
        {day(days[days.length - 1] as Date)}
      </text>
    </svg>
  );
}
