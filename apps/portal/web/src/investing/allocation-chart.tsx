import { PieChart } from 'echarts/charts';
import { LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useMemo } from 'react';

echarts.use([PieChart, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface Slice {
  name: string;
  /** A decimal string (yuan); charted as a number, which is fine for a picture of shares. */
  value: string;
}

/** A donut of the customer's assets; the exact figures are in the list beside it. */
export function AllocationChart(props: { slices: readonly Slice[]; formatValue: (v: string) => string }) {
  const { slices, formatValue } = props;
  const option = useMemo(
    () => ({
      // A still picture: the figures beside it are what the customer reads.
      animation: false,
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string; data: { amount: string }; percent: number }) =>
          `${p.name}<br/>${formatValue(p.data.amount)} (${p.percent}%)`,
      },
      legend: { bottom: 0, type: 'scroll' },
      series: [
        {
          type: 'pie',
          radius: ['45%', '70%'],
          center: ['50%', '42%'],
          label: { show: false },
          data: slices.map((s) => ({ name: s.name, value: Number(s.value), amount: s.value })),
        },
      ],
    }),
    [slices, formatValue],
  );
  return <ReactEChartsCore echarts={echarts} option={option} style={{ height: 260 }} notMerge />;
}
