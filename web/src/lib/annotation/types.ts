export type Judgment = 'accept' | 'reject';

export interface Annotation {
  case_id: string;
  judgment: Judgment | null;
  rating: number | null;
  critique: string;
  tags: string[];
  flagged: boolean;
  updated_at?: string | null;
}

export interface AnnotationProgress {
  total: number;
  annotated: number;
  accepted: number;
  rejected: number;
  rated: number;
  flagged: number;
}

export interface AnnotationsResponse {
  success?: boolean;
  dataset_id?: string;
  annotations?: Array<Partial<Annotation> & { case_id: string }>;
  progress?: Partial<AnnotationProgress>;
}

export interface SaveAnnotationResponse {
  success?: boolean;
  annotation?: Partial<Annotation> & { case_id: string };
  progress?: Partial<AnnotationProgress>;
}

export interface DeleteAnnotationResponse {
  success?: boolean;
  progress?: Partial<AnnotationProgress>;
}
