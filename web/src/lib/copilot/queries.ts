import { useQuery } from '@tanstack/react-query';
import { getAiStatus } from './api';

export const aiKeys = {
  status: ['ai', 'status'] as const,
};

/** Whether the server has an LLM provider configured, and which model it uses. */
export function useAiStatus() {
  return useQuery({
    queryKey: aiKeys.status,
    queryFn: ({ signal }) => getAiStatus(signal),
    retry: false,
    staleTime: 30_000,
  });
}
