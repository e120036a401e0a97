import { useQuery } from '@tanstack/react-query';
import { getReportsStatus } from './api';

export const reportKeys = {
  status: ['reports', 'status'] as const,
};

/** Whether reports can be generated, and the modes and types the server offers. */
export function useReportsStatus() {
  return useQuery({
    queryKey: reportKeys.status,
    queryFn: ({ signal }) => getReportsStatus(signal),
    retry: false,
    staleTime: 30_000,
  });
}
