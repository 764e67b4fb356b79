/**
 * Small SVG charts. Each is an image with a text alternative (title + desc listing every value), and a
 * visible legend; values are percentages (0–100) or null (nothing to show).
 */
import { useId } from 'preact/hooks';
import { formatNumber, t } from '../i18n';

export interface Series {
  name: string;
  /** CSS class giving the bar its colour (chart__bar--a, --b, …). */
  tone: 'a' | 'b' | 'c';
}

export interface Row {
  label: string;
  values: (number | null)[];
  /** A thin mark across the row, e.g. the peer average. */
  marker?: number | null;
}

const WIDTH = 320;
const LABEL_H = 14;
const BAR_H = 9;
const GAP = 10;

function pct(value: number | null): string {
  return value === null ? t('chart.none') : `${formatNumber(Math.round(value * 10) / 10)} %`;
}

export function BarChart({
  title,
  rows,
  series,
  markerName,
}: {
  title: string;
  rows: Row[];
  series: Series[];
  markerName?: string;
}) {
  const id = `chart-${useId()}`;
  const rowH = LABEL_H + series.length * (BAR_H + 2) + GAP;
  const height = rows.length * rowH + 4;
  const desc = rows
    .map((r) => {
      const parts = series.map((s, i) => `${s.name} ${pct(r.values[i] ?? null)}`);
      if (markerName && r.marker !== undefined) parts.push(`${markerName} ${pct(r.marker ?? null)}`);
      return `${r.label}: ${parts.join(', ')}`;
    })
    .join('; ');
  return (
    <figure class="chart">
      <svg
        class="chart__svg"
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby={`${id}-t ${id}-d`}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{desc}</desc>
        {rows.map((row, r) => {
          const y = r * rowH;
          return (
            <g key={r} transform={`translate(0 ${y})`}>
              <text x="0" y={LABEL_H - 4} class="chart__label">
                {row.label.length > 58 ? `${row.label.slice(0, 56)}…` : row.label}
              </text>
              {series.map((s, i) => {
                const v = row.values[i] ?? null;
                const by = LABEL_H + i * (BAR_H + 2);
                const w = v === null ? 0 : Math.max(1, (Math.min(100, Math.max(0, v)) / 100) * (WIDTH - 44));
                return (
                  <g key={s.name}>
                    <rect x="0" y={by} width={WIDTH - 44} height={BAR_H} class="chart__track" />
                    <rect x="0" y={by} width={w} height={BAR_H} class={`chart__bar chart__bar--${s.tone}`} />
                    <text x={WIDTH - 40} y={by + BAR_H - 1} class="chart__value">
                      {v === null ? '–' : formatNumber(Math.round(v))}
                    </text>
                  </g>
                );
              })}
              {row.marker !== undefined && row.marker !== null && (
                <line
                  x1={(row.marker / 100) * (WIDTH - 44)}
                  x2={(row.marker / 100) * (WIDTH - 44)}
                  y1={LABEL_H - 2}
                  y2={LABEL_H + series.length * (BAR_H + 2)}
                  class="chart__marker"
                />
              )}
            </g>
          );
        })}
      </svg>
      <figcaption class="chart__legend">
        {series.map((s) => (
          <span key={s.name} class="chart__key">
            <span class={`chart__swatch chart__bar--${s.tone}`} aria-hidden="true" /> {s.name}
          </span>
        ))}
        {markerName && (
          <span class="chart__key">
            <span class="chart__swatch chart__swatch--marker" aria-hidden="true" /> {markerName}
          </span>
        )}
      </figcaption>
    </figure>
  );
}
