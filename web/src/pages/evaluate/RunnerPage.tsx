import { Lock } from 'lucide-react';
import { UnavailableNotice } from '../../components/UnavailableNotice';
import { useFeatures } from '../../lib/queries';

export default function RunnerPage() {
  const { eval_runner_enabled: enabled } = useFeatures();
  if (!enabled) {
    return (
      <div data-testid="runner-disabled" className="flex items-center gap-3 rounded-xl border bg-white px-5 py-4 text-sm text-ink-secondary">
        <Lock className="h-4 w-4 text-ink-muted" aria-hidden="true" />
        The evaluation runner is disabled by the administrator.
      </div>
    );
  }
  return <UnavailableNotice title="Evaluate Runner" />;
}
