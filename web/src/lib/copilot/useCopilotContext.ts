import { useEffect } from 'react';
import { useUiStore } from '../../stores/uiStore';

/** Tells the copilot which dataset this page shows, for as long as the page is mounted. */
export function useCopilotContext(datasetId: string | null | undefined, label: string) {
  const setContext = useUiStore((s) => s.setCopilotContext);
  useEffect(() => {
    if (!datasetId) return undefined;
    const context = { dataset_id: datasetId, label };
    setContext(context);
    return () => {
      if (useUiStore.getState().copilotContext === context) setContext(null);
    };
  }, [datasetId, label, setContext]);
}
