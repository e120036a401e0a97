import { Plus, X } from 'lucide-react';
import { forwardRef, useState } from 'react';
import { cn } from '../../lib/cn';
import { addTag, isPositiveTag } from '../../lib/annotation/studio';

interface TagEditorProps {
  /** The tag set offered as toggles (the Configure dialog's preset). */
  presets: string[];
  tags: string[];
  onChange: (tags: string[]) => void;
}

function chipClass(tag: string, on: boolean) {
  const positive = isPositiveTag(tag);
  if (!on) return 'bg-white text-ink-muted ring-1 ring-line hover:text-ink';
  return positive ? 'bg-success/10 text-success ring-1 ring-success/30' : 'bg-error/10 text-error ring-1 ring-error/30';
}

/** Tag chips: presets toggle, custom tags are typed and added with Enter. */
export const TagEditor = forwardRef<HTMLInputElement, TagEditorProps>(function TagEditor({ presets, tags, onChange }, ref) {
  const [draft, setDraft] = useState('');
  const custom = tags.filter((t) => !presets.includes(t));
  const commit = () => {
    const next = addTag(tags, draft);
    if (next.length !== tags.length) onChange(next);
    setDraft('');
  };
  return (
    <div data-testid="tag-editor">
      <div className="flex flex-wrap gap-1.5">
        {presets.map((tag) => {
          const on = tags.includes(tag);
          return (
            <button
              key={tag}
              type="button"
              aria-pressed={on}
              onClick={() => onChange(on ? tags.filter((t) => t !== tag) : addTag(tags, tag))}
              className={cn('rounded-full px-2.5 py-1 text-xs font-medium transition', chipClass(tag, on))}
            >
              {tag}
            </button>
          );
        })}
        {custom.map((tag) => (
          <span key={tag} className={cn('inline-flex items-center gap-1 rounded-full px-2.5 py-1 text-xs font-medium', chipClass(tag, true))}>
            {tag}
            <button type="button" onClick={() => onChange(tags.filter((t) => t !== tag))} aria-label={`Remove ${tag}`} className="rounded-full hover:bg-black/5">
              <X className="h-3 w-3" aria-hidden="true" />
            </button>
          </span>
        ))}
      </div>
      <div className="mt-2 flex items-center gap-2">
        <input
          ref={ref}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              commit();
            } else if (e.key === 'Escape') {
              (e.target as HTMLInputElement).blur();
            }
          }}
          placeholder="Add a tag and press Enter"
          data-testid="tag-input"
          className="w-56 rounded-lg border bg-white px-2.5 py-1.5 text-xs focus:border-primary-soft focus:outline-none"
        />
        <button
          type="button"
          onClick={commit}
          disabled={draft.trim() === ''}
          className="flex items-center gap-1 rounded-lg border px-2 py-1.5 text-xs font-medium text-ink-secondary hover:border-primary-soft hover:text-primary disabled:opacity-40"
        >
          <Plus className="h-3.5 w-3.5" aria-hidden="true" />
          Add
        </button>
      </div>
    </div>
  );
});
