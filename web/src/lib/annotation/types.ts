import type { Reply } from '../../api/replies';

// Reply types: generated from the server's reply schemas (src/api/replies.ts).
export type SavedAnnotation = Reply<'Annotation'>;
export type Judgment = NonNullable<SavedAnnotation['judgment']>;
export type AnnotationProgress = Reply<'AnnotationProgress'>;
export type AnnotationsResponse = Reply<'AnnotationsReply'>;
export type SaveAnnotationResponse = Reply<'AnnotationSaveReply'>;
export type DeleteAnnotationResponse = Reply<'AnnotationDeleteReply'>;

/** An annotation as the studio edits it: a saved one, or a draft not stored yet (no updated_at). */
export type Annotation = Omit<SavedAnnotation, 'updated_at'> & { updated_at?: string | null };
