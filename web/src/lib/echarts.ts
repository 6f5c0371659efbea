// The ECharts parts the UI draws with, registered once. Imported lazily (see
// useChart): the charting code is most of the UI's weight, and tables can
// show their numbers before it has loaded.
import * as echarts from 'echarts/core';
import { LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export const init = echarts.init;
export type Chart = ReturnType<typeof echarts.init>;
