import { errorMessage } from '../evaluate/StateViews';
import { useReviews } from '../../lib/replay/queries';
import type { ReviewScore } from '../../lib/replay/types';

/** A score's value as text: the categorical text, else the number. */
function scoreValue(s: ReviewScore): string {
  if (s.string_value) return s.string_value;
  return s.value === null || s.value === undefined ? '—' : String(s.value);
}

/** The review.* scores already recorded on the trace (/traces/{id}/reviews). */
export function ReviewList({ agent, traceId }: { agent: string; traceId: string }) {
  const reviews = useReviews(agent, traceId);
  return (
    <section className="rounded-xl border bg-white" data-testid="review-list">
      <h3 className="border-b px-5 py-3 text-sm font-semibold text-ink">
        Existing reviews {reviews.data ? <span className="text-xs font-normal text-ink-muted">({reviews.data.scores.length} scores)</span> : null}
      </h3>
      <div className="px-5 py-3">
        {reviews.isPending ? <p className="text-sm text-ink-muted">Loading…</p> : null}
        {reviews.isError ? <p className="text-sm text-error">{errorMessage(reviews.error)}</p> : null}
        {reviews.data && reviews.data.scores.length === 0 ? <p className="text-sm text-ink-muted">No reviews yet.</p> : null}
        <ul className="divide-y">
          {reviews.data?.scores.map((s, i) => (
            <li key={s.id ?? i} className="py-2 text-sm" data-testid="review-score">
              <span className="font-mono text-xs text-ink-muted" data-testid="review-score-name">{s.name ?? 'score'}</span>
              <p className="whitespace-pre-wrap break-words text-ink">
                {scoreValue(s)}
                {s.comment ? <span className="ml-2 text-xs text-ink-muted">({s.comment})</span> : null}
              </p>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
