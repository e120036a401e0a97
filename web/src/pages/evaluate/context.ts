import { useOutletContext } from 'react-router-dom';
import type { CurrentDataset } from '../../lib/evaluate/queries';

export interface EvaluateContext {
  current: CurrentDataset;
}

export function useEvaluateContext(): EvaluateContext {
  return useOutletContext<EvaluateContext>();
}
