/** The Chart / Table switch of a chart card: the table is the chart's text alternative. */
export const VIEWS: Array<{ value: 'chart' | 'table'; label: string }> = [
  { value: 'chart', label: 'Chart' },
  { value: 'table', label: 'Table' },
];
