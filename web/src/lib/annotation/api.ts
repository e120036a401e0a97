import { fetchBlob, fetchJson, requestJson, withQuery } from '../api';
import type { Annotation, AnnotationsResponse, DeleteAnnotationResponse, SaveAnnotationResponse } from './types';

export function getAnnotations(datasetId: string, signal?: AbortSignal): Promise<AnnotationsResponse> {
  return fetchJson<AnnotationsResponse>(withQuery('/api/annotations', { dataset_id: datasetId }), { signal });
}

export function saveAnnotation(datasetId: string, a: Annotation): Promise<SaveAnnotationResponse> {
  return requestJson<SaveAnnotationResponse>(withQuery(`/api/annotations/${encodeURIComponent(a.case_id)}`, { dataset_id: datasetId }), {
    method: 'PUT',
    body: { judgment: a.judgment, rating: a.rating, critique: a.critique, tags: a.tags, flagged: a.flagged },
    timeoutMs: 30_000,
  });
}

export function deleteAnnotation(datasetId: string, caseId: string): Promise<DeleteAnnotationResponse> {
  return requestJson<DeleteAnnotationResponse>(withQuery(`/api/annotations/${encodeURIComponent(caseId)}`, { dataset_id: datasetId }), {
    method: 'DELETE',
    timeoutMs: 30_000,
  });
}

/** The dataset with its annotations as CSV. */
export function exportAnnotations(datasetId: string): Promise<Blob> {
  return fetchBlob(withQuery('/api/annotations/export', { dataset_id: datasetId }));
}

/** "annotated-data-2025-01-31.csv" */
export function exportFilename(date: Date = new Date()): string {
  return `annotated-data-${date.toISOString().slice(0, 10)}.csv`;
}
