import type { SelectOption } from '../SelectField';

/** The group_by choices of the monitoring analytics (the server refuses others). */
export const GROUP_BY_OPTIONS: SelectOption[] = [
  { value: 'environment', label: 'Environment' },
  { value: 'source_name', label: 'Source' },
  { value: 'source_component', label: 'Component' },
  { value: 'source_type', label: 'Type' },
  { value: 'evaluation_name', label: 'Evaluation' },
  { value: 'model_name', label: 'Model' },
];
