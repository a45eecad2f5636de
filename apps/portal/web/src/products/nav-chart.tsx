import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useMemo } from 'react';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** One value on one business date, as the API gives it: a decimal string. */
export interface ChartPoint {
  date: string;
  value: string;
}

/** One line of the chart (NAV, accumulated NAV, 7-day yield…), oldest point first. */
export interface ChartLine {
  key: string;
  name: string;
  color: string;
  points: readonly ChartPoint[];
}

export interface NavChartProps {
  lines: readonly ChartLine[];
  /** How a value reads in the tooltip, from its decimal string (e.g. `1.2346`, `2.15%`). */
  formatValue: (value: string) => string;
  /** How a business date reads in the tooltip. */
  formatDate: (date: string) => string;
  /** How it reads on the axis (short); the tooltip's form unless told. */
  formatAxisDate?: (date: string) => string;
  height?: number;
}

/**
 * A line chart of NAVs or yields over business dates. The points stay decimal strings: the chart
 * plots them as numbers (that is only drawing), while the tooltip shows the exact figures.
 */
export function NavChart(props: NavChartProps) {
  const { lines, formatValue, formatDate } = props;
  const formatAxisDate = props.formatAxisDate ?? formatDate;
  const option = useMemo(() => {
    const dates = [...new Set(lines.flatMap((line) => line.points.map((p) => p.date)))].sort();
    const exact = new Map<string, string>();
    for (const line of lines) {
      for (const p of line.points) exact.set(`${line.key}|${p.date}`, p.value);
    }
    return {
      animation: false,
      color: lines.map((line) => line.color),
      legend: { top: 0, left: 0, itemWidth: 14, itemHeight: 8, data: lines.map((line) => line.name) },
      grid: { top: 32, left: 8, right: 12, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        confine: true,
        formatter: (params: ReadonlyArray<{ axisValue: string; seriesId: string; marker: string }>) => {
          const first = params[0];
          if (!first) return '';
          const rows = params.map((p) => {
            const line = lines.find((l) => l.key === p.seriesId);
            const value = exact.get(`${p.seriesId}|${first.axisValue}`);
            return `${p.marker}${line?.name ?? ''}&nbsp;&nbsp;<b>${value === undefined ? '—' : formatValue(value)}</b>`;
          });
          return [formatDate(first.axisValue), ...rows].join('<br/>');
        },
      },
      xAxis: {
        type: 'category',
        boundaryGap: false,
        data: dates,
        axisLabel: { hideOverlap: true, formatter: (date: string) => formatAxisDate(date) },
      },
      yAxis: { type: 'value', scale: true, splitNumber: 4 },
      series: lines.map((line) => {
        const byDate = new Map(line.points.map((p) => [p.date, p.value]));
        return {
          id: line.key,
          name: line.name,
          type: 'line',
          showSymbol: false,
          smooth: false,
          lineStyle: { width: 1.6 },
          data: dates.map((date) => {
            const value = byDate.get(date);
            return value === undefined ? null : Number(value);
          }),
          connectNulls: true,
        };
      }),
    };
  }, [lines, formatValue, formatDate, formatAxisDate]);
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={option}
      notMerge
      style={{ height: props.height ?? 300, width: '100%' }}
      data-testid="nav-chart"
    />
  );
}
