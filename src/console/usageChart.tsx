import { useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formErrors, request } from './api';
import { count } from './format';
import { UsageQuery } from './operations';
import { FormError } from './ui';
import { outcomeOf, PERIODS, periodRange, usageSummary, zeroFilled, type Period, type UsageSeries } from './usage';

/**
 * Verifications by outcome over the last hour, day or 30 days: of one key (`apiKeyId`) or
 * of the whole organization. The chart is drawn by uPlot on a canvas that assistive
 * technology skips; the sentence above it says the same in words.
 */
export function UsageChart({ heading, apiKeyId }: { heading: string; apiKeyId?: string }) {
  const [period, setPeriod] = useState<Period>('day');
  const [shown, setShown] = useState<{ period: Period; series: UsageSeries } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();
  // A newer request wins over one still in flight, so a quick change of period never shows a stale chart.
  const generation = useRef(0);

  useEffect(() => {
    const mine = ++generation.current;
    const range = periodRange(period);
    const variables = { apiKeyId: apiKeyId ?? null, from: range.from.toISOString(), to: range.to.toISOString(), interval: range.interval };
    request(UsageQuery, variables)
      .then(({ usage }) => {
        if (mine !== generation.current) return;
        setShown({ period, series: zeroFilled(usage, range) });
        setError(null);
      })
      .catch((e) => mine === generation.current && setError(formErrors(e, []).general));
  }, [period, apiKeyId]);

  const loading = !error && shown?.period !== period;
  return (
    <section class="usage" aria-labelledby={headingId} aria-busy={loading}>
      <div class="usage-header">
        <h2 id={headingId}>{heading}</h2>
        <PeriodPicker value={period} onChange={setPeriod} />
      </div>
      <FormError message={error} />
      {!shown ? (
        !error && <p class="muted usage-empty">Loading…</p>
      ) : shown.series.total === 0 ? (
        <p class="usage-empty">No verifications in this period.</p>
      ) : (
        <figure class={loading ? 'usage-figure stale' : 'usage-figure'}>
          <figcaption>{usageSummary(shown.series, shown.period)}</figcaption>
          <UsagePlot series={shown.series} period={shown.period} />
        </figure>
      )}
    </section>
  );
}

/** The period as radio buttons that look like a segmented control: one choice, arrows move it. */
function PeriodPicker({ value, onChange }: { value: Period; onChange: (period: Period) => void }) {
  const name = useId();
  return (
    <fieldset class="segmented">
      <legend class="visually-hidden">Period</legend>
      {(Object.keys(PERIODS) as Period[]).map((period) => (
        <label>
          <input type="radio" name={name} value={period} checked={value === period} onChange={() => onChange(period)} />
          <span>{PERIODS[period].label}</span>
        </label>
      ))}
    </fieldset>
  );
}

const HEIGHT = 200;
const MUTED = '#4b5563';
const GRID = '#e5e7eb';
// Counts are whole: the y axis never steps by less than one.
const WHOLE_STEPS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1_000, 2_000, 2_500, 5_000, 10_000, 20_000, 25_000, 50_000, 100_000, 200_000, 250_000, 500_000, 1e6, 2e6, 5e6, 1e7, 1e8, 1e9];

const minuteFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const hourFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
const dayFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const BUCKET_FORMAT: Record<Period, Intl.DateTimeFormat> = { hour: minuteFormat, day: hourFormat, month: dayFormat };

function plotOptions(series: UsageSeries, period: Period, width: number): uPlot.Options {
  const axis = { stroke: MUTED, grid: { stroke: GRID, width: 1 }, ticks: { stroke: GRID, width: 1 } };
  return {
    width,
    height: HEIGHT,
    // Nothing to zoom into: a drag selects nothing.
    cursor: { drag: { x: false, y: false } },
    scales: { y: { range: (_plot, _min, max) => [0, Math.max(4, Math.ceil(max * 1.1))] } },
    axes: [axis, { ...axis, incrs: WHOLE_STEPS, values: (_plot, splits) => splits.map(count), size: 50 }],
    series: [
      // The legend shows the bucket under the cursor and each outcome's count in it; away from the chart, the period's totals.
      { label: 'When', value: (_plot, at) => (at == null ? PERIODS[period].label : BUCKET_FORMAT[period].format(at * 1000)) },
      ...series.outcomes.map(({ code, total }) => {
        const outcome = outcomeOf(code);
        return {
          label: outcome.label,
          stroke: outcome.colour,
          width: 2,
          ...(outcome.dashed ? { dash: [6, 4] } : {}),
          points: { show: false },
          value: (_plot: uPlot, n: number | null) => count(n ?? total),
        };
      }),
    ],
  };
}

/** The uPlot chart, as wide as its container: a ResizeObserver follows the container (a phone turned, a sidebar folded). */
function UsagePlot({ series, period }: { series: UsageSeries; period: Period }) {
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const element = box.current!;
    let width = element.clientWidth;
    const plot = new uPlot(plotOptions(series, period, width), [series.starts, ...series.outcomes.map((o) => o.counts)], element);
    const observer = new ResizeObserver(() => {
      if (element.clientWidth === width) return;
      width = element.clientWidth;
      plot.setSize({ width, height: HEIGHT });
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      plot.destroy();
    };
  }, [series]);
  return <div class="usage-plot" ref={box} aria-hidden="true" />;
}
