import { LineChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useMemo } from 'react';
import type { NavPoint } from './api.ts';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, DataZoomComponent, CanvasRenderer]);

/** A line of the chart: its name and which figure of each NAV it plots. */
export interface NavLine {
  name: string;
  value: (p: NavPoint) => string | null;
}

/**
 * NAVs (or a money-market fund's 7-day yield) over business dates. The chart plots numbers, which is
 * only drawing; the tooltip shows each figure as `format` renders the API's decimal string.
 */
export function NavChart(props: {
  points: NavPoint[];
  lines: NavLine[];
  format: (value: string) => string;
  /** The lines are percentages (a money-market fund's 7-day yield): the axis says so. */
  isPercent?: boolean;
}) {
  const { points, lines, format, isPercent } = props;
  const option = useMemo(
    () => ({
      animation: false,
      grid: { left: 56, right: 24, top: 40, bottom: 56 },
      tooltip: {
        trigger: 'axis',
        formatter: (
          params: { dataIndex: number; seriesIndex: number; marker: string; seriesName: string }[],
        ) => {
          const index = params[0]?.dataIndex ?? 0;
          const point = points[index];
          if (!point) return '';
          const rows = params.map((p) => {
            const raw = lines[p.seriesIndex]?.value(point);
            return `${p.marker}${p.seriesName}　<b>${raw ? format(raw) : '—'}</b>`;
          });
          return [point.date, ...rows].join('<br/>');
        },
      },
      legend: { top: 4 },
      xAxis: { type: 'category', data: points.map((p) => p.date), boundaryGap: false },
      yAxis: { type: 'value', scale: true, axisLabel: isPercent ? { formatter: '{value}%' } : {} },
      dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }],
      series: lines.map((line) => ({
        name: line.name,
        type: 'line',
        showSymbol: false,
        data: points.map((p) => {
          const v = line.value(p);
          return v === null ? null : Number(v);
        }),
      })),
    }),
    [points, lines, format, isPercent],
  );
  return <ReactEChartsCore echarts={echarts} option={option} style={{ height: 320 }} notMerge />;
}
