import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useMemo } from 'react';
import { fromFen } from './sales-totals.ts';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/**
 * Confirmed volume by channel, a bar per channel and a series per currency. The bars' heights are
 * numbers, which is only drawing; the tooltip shows each amount from its exact fen.
 */
export function SalesChart(props: {
  volumes: Map<string, Map<string, bigint>>;
  channelName: (channel: string) => string;
  format: (amount: string, currency: string) => string;
}) {
  const { volumes, channelName, format } = props;
  const option = useMemo(() => {
    const channels = [...volumes.keys()];
    const currencies = [...new Set(channels.flatMap((c) => [...(volumes.get(c)?.keys() ?? [])]))];
    return {
      animation: false,
      grid: { left: 72, right: 24, top: currencies.length > 1 ? 36 : 16, bottom: 32 },
      legend: currencies.length > 1 ? { top: 4 } : undefined,
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: { dataIndex: number; marker: string; seriesName: string }[]) => {
          const channel = channels[params[0]?.dataIndex ?? 0] ?? '';
          const rows = params.map((p) => {
            const fen = volumes.get(channel)?.get(p.seriesName) ?? 0n;
            return `${p.marker}<b>${format(fromFen(fen), p.seriesName)}</b>`;
          });
          return [channelName(channel), ...rows].join('<br/>');
        },
      },
      xAxis: { type: 'category', data: channels.map(channelName) },
      yAxis: { type: 'value' },
      series: currencies.map((currency) => ({
        name: currency,
        type: 'bar',
        barMaxWidth: 48,
        data: channels.map((c) => Number(fromFen(volumes.get(c)?.get(currency) ?? 0n))),
      })),
    };
  }, [volumes, channelName, format]);
  return <ReactEChartsCore echarts={echarts} option={option} style={{ height: 240 }} notMerge />;
}
