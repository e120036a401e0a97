import { useEffect } from 'react';

/** Whether a key event comes from a text field, where every key belongs to the field. */
export function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
}

/**
 * Page-wide keyboard shortcuts: each key press outside an open dialog is turned into a command by
 * `toCommand` (told whether the press comes from a text field) and, when there is one, run.
 */
export function useKeyCommands<C>(toCommand: (e: KeyboardEvent, editing: boolean) => C | null, run: (command: C) => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (document.querySelector('[role="dialog"]')) return;
      const cmd = toCommand(e, isEditable(e.target));
      if (cmd === null) return;
      e.preventDefault();
      run(cmd);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [toCommand, run]);
}
