import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelName, ModelReport, Stability, WoeVariable } from './api.ts';
import { binLabel, formatPoints } from './labels.tsx';

echarts.use([
  LineChart,
  BarChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  MarkLineComponent,
  CanvasRenderer,
]);

const HEIGHT = 280;
const pct = (x: number, digits = 1) => `${(x * 100).toFixed(digits)}%`;

function Chart(props: { option: object; testId: string; height?: number }) {
  return (
    <div data-testid={props.testId}>
      <ReactEChartsCore
        echarts={echarts}
        option={props.option}
        style={{ height: props.height ?? HEIGHT }}
        notMerge
      />
    </div>
  );
}

/**
 * What the charts with a legend share: no animation, the legend on top, and an x axis named in the
 * middle below it.
 */
function framed(
  xAxis: { name: string } & Record<string, unknown>,
  grid: { left?: number; right?: number } = {},
) {
  return {
    animation: false,
    grid: { left: grid.left ?? 48, right: grid.right ?? 16, top: 36, bottom: 40 },
    legend: { top: 4 },
    xAxis: { ...xAxis, nameLocation: 'middle', nameGap: 24 },
  };
}

/** What a positive is in this model: a default (credit) or a subscription (marketing). */
function useOutcomeWords(model: ModelName) {
  const { t } = useTranslation();
  return {
    positives: t(`models.outcomes.${model}.positives`),
    negatives: t(`models.outcomes.${model}.negatives`),
  };
}

/** ROC curve of the out-of-fold predictions, with the diagonal of a coin toss. */
export function RocChart(props: { report: ModelReport; auc: number | undefined }) {
  const { t } = useTranslation();
  const { roc } = props.report;
  const option = useMemo(
    () => ({
      ...framed({ type: 'value', min: 0, max: 1, name: t('models.charts.fpr') }),
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: number) => v.toFixed(3),
      },
      yAxis: { type: 'value', min: 0, max: 1, name: t('models.charts.tpr') },
      series: [
        {
          name: `ROC${props.auc !== undefined ? ` (AUC ${props.auc.toFixed(3)})` : ''}`,
          type: 'line',
          showSymbol: false,
          areaStyle: { opacity: 0.12 },
          data: roc.map((p) => [p.fpr, p.tpr]),
        },
        {
          name: t('models.charts.random'),
          type: 'line',
          showSymbol: false,
          lineStyle: { type: 'dashed', color: '#bbb' },
          itemStyle: { color: '#bbb' },
          data: [
            [0, 0],
            [1, 1],
          ],
        },
      ],
    }),
    [roc, props.auc, t],
  );
  return <Chart option={option} testId="chart-roc" />;
}

/** KS: cumulative shares of positives and negatives below each score cut, and where they part most. */
export function KsChart(props: { report: ModelReport; model: ModelName }) {
  const { t } = useTranslation();
  const words = useOutcomeWords(props.model);
  const { ksCurve, ks, ksAt } = props.report;
  const option = useMemo(
    () => ({
      ...framed({ type: 'value', scale: true, name: t('models.charts.score') }),
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => pct(v) },
      yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => pct(v, 0) } },
      series: [
        {
          name: words.positives,
          type: 'line',
          showSymbol: false,
          data: ksCurve.map((p) => [p.score, p.positives]),
          markLine: {
            symbol: 'none',
            label: { formatter: `KS ${ks.toFixed(3)} @ ${Math.round(ksAt)}`, position: 'insideEndBottom' },
            lineStyle: { type: 'dashed' },
            data: [{ xAxis: ksAt }],
          },
        },
        {
          name: words.negatives,
          type: 'line',
          showSymbol: false,
          data: ksCurve.map((p) => [p.score, p.negatives]),
        },
      ],
    }),
    [ksCurve, ks, ksAt, t, words.positives, words.negatives],
  );
  return <Chart option={option} testId="chart-ks" />;
}

/** Gains and lift by decile of score, riskiest (credit) or likeliest (marketing) first. */
export function GainsChart(props: { report: ModelReport }) {
  const { t } = useTranslation();
  const { gains } = props.report;
  const option = useMemo(
    () => ({
      ...framed(
        { type: 'category', data: gains.map((g) => String(g.group)), name: t('models.charts.decile') },
        { right: 48 },
      ),
      tooltip: { trigger: 'axis' },
      yAxis: [
        { type: 'value', name: t('models.charts.lift') },
        { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => pct(v, 0) } },
      ],
      series: [
        {
          name: t('models.charts.lift'),
          type: 'bar',
          data: gains.map((g) => Number(g.lift.toFixed(2))),
          label: {
            show: true,
            position: 'top',
            formatter: (p: { value: number }) => `${p.value.toFixed(1)}×`,
          },
        },
        {
          name: t('models.charts.cumulativeGain'),
          type: 'line',
          yAxisIndex: 1,
          data: gains.map((g) => Number(g.cumulativeGain.toFixed(4))),
          tooltip: { valueFormatter: (v: number) => pct(v) },
        },
      ],
    }),
    [gains, t],
  );
  return <Chart option={option} testId="chart-gains" />;
}

/** How the scores of positives and negatives are spread. */
export function DistributionChart(props: { report: ModelReport; model: ModelName }) {
  const { t } = useTranslation();
  const words = useOutcomeWords(props.model);
  const { distribution } = props.report;
  const option = useMemo(
    () => ({
      ...framed(
        {
          type: 'category',
          data: distribution.map((d) => `${Math.round(d.from)}–${Math.round(d.to)}`),
          name: t('models.charts.score'),
        },
        { left: 56 },
      ),
      tooltip: { trigger: 'axis' },
      yAxis: { type: 'value', name: t('models.charts.rows') },
      series: [
        {
          name: words.negatives,
          type: 'bar',
          stack: 'n',
          itemStyle: { color: '#5470c6' },
          data: distribution.map((d) => d.negatives),
        },
        {
          name: words.positives,
          type: 'bar',
          stack: 'n',
          itemStyle: { color: '#fa8c16' },
          data: distribution.map((d) => d.positives),
        },
      ],
    }),
    [distribution, t, words.positives, words.negatives],
  );
  return <Chart option={option} testId="chart-distribution" />;
}

/** Predicted against observed rate by decile. */
export function CalibrationChart(props: { report: ModelReport }) {
  const { t } = useTranslation();
  const { calibration } = props.report;
  const option = useMemo(
    () => ({
      ...framed({
        type: 'category',
        data: calibration.map((c) => String(c.group)),
        name: t('models.charts.decile'),
      }),
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => pct(v) },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => pct(v, 0) } },
      series: [
        { name: t('models.charts.predicted'), type: 'bar', data: calibration.map((c) => c.meanPredicted) },
        { name: t('models.charts.observed'), type: 'line', data: calibration.map((c) => c.observedRate) },
      ],
    }),
    [calibration, t],
  );
  return <Chart option={option} testId="chart-calibration" />;
}

/** One scorecard variable: each bin's WoE (bars) and its points (labels). */
export function WoeChart(props: { variable: WoeVariable }) {
  const { t } = useTranslation();
  const { bins } = props.variable;
  const option = useMemo(
    () => ({
      animation: false,
      grid: { left: 48, right: 16, top: 28, bottom: 56 },
      tooltip: {
        trigger: 'axis',
        formatter: (params: { dataIndex: number }[]) => {
          const b = bins[params[0]?.dataIndex ?? 0];
          if (!b) return '';
          return [
            binLabel(b.label),
            `WoE ${b.woe.toFixed(3)}`,
            `${t('models.scorecard.points')} ${formatPoints(b.points)}`,
            `${t('models.charts.goods')} ${b.goods} · ${t('models.charts.bads')} ${b.bads}`,
          ].join('<br/>');
        },
      },
      xAxis: {
        type: 'category',
        data: bins.map((b) => binLabel(b.label)),
        axisLabel: { interval: 0, rotate: bins.length > 4 ? 20 : 0, fontSize: 11 },
      },
      yAxis: { type: 'value', name: 'WoE' },
      series: [
        {
          type: 'bar',
          data: bins.map((b) => ({
            value: Number(b.woe.toFixed(4)),
            itemStyle: { color: b.woe >= 0 ? '#52c41a' : '#f5222d' },
          })),
          label: {
            show: true,
            position: 'top',
            formatter: (p: { dataIndex: number }) => `${bins[p.dataIndex]?.points.toFixed(0) ?? ''}`,
          },
        },
      ],
    }),
    [bins, t],
  );
  return <Chart option={option} testId="chart-woe" height={240} />;
}

/** Each score group's share in the development sample (expected) and among today's customers (actual). */
export function StabilityChart(props: { stability: Stability }) {
  const { t } = useTranslation();
  const { cuts, expected, actual } = props.stability;
  const option = useMemo(() => {
    const cut = (x: number) => String(Math.round(x));
    const groups = expected.map((_, i) => {
      if (i === 0) return `≤ ${cut(cuts[0] ?? 0)}`;
      if (i >= cuts.length) return `> ${cut(cuts[cuts.length - 1] ?? 0)}`;
      return `${cut(cuts[i - 1] ?? 0)}–${cut(cuts[i] ?? 0)}`;
    });
    return {
      ...framed({ type: 'category', data: groups, name: t('models.charts.score') }),
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => pct(v) },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => pct(v, 0) } },
      series: [
        { name: t('models.stability.expected'), type: 'bar', data: expected },
        { name: t('models.stability.actual'), type: 'bar', data: actual },
      ],
    };
  }, [cuts, expected, actual, t]);
  return <Chart option={option} testId="chart-stability" height={240} />;
}
