import { GraphChart } from 'echarts/charts';
import { echarts } from './echartsCore';

// The graph series only the memory page draws, so it stays out of the shared chart bundle.
echarts.use([GraphChart]);

export { echarts };
