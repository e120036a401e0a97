import { Navigate, useSearchParams } from 'react-router-dom';
import { LoadingBlock } from '../../components/evaluate/StateViews';
import { useEvaluateContext } from './context';

/** /evaluate: the scorecard when an evaluation dataset is stored, else the upload step. */
export function EvaluateIndex() {
  const { current } = useEvaluateContext();
  const [params] = useSearchParams();
  const settling = !!current.datasetId && params.get('dataset') !== current.datasetId;
  if (current.isLoading || settling) return <LoadingBlock label="Looking for stored datasets…" />;
  const evaluations = (current.datasets ?? []).filter((d) => d.kind === 'evaluation' || d.kind === undefined);
  const pick = evaluations.find((d) => d.id === current.datasetId) ?? evaluations[0];
  const target = pick ? `/evaluate/scorecard?dataset=${encodeURIComponent(pick.id)}` : '/evaluate/upload';
  return <Navigate to={target} replace />;
}
