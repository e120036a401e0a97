import type { Reply } from '../../api/replies';

// Reply types of GET /api/config/sources: generated from the server's reply schemas (src/api/replies.ts).

/** One agent (registered) or raw source_name value; its id is what every source_name= filter takes. */
export type SourceEntry = Reply<'DataSource'>;
export type SourcesResponse = Reply<'SourcesReply'>;

/** The data kinds a source can have rows in (the newest dataset of each kind). */
export type SourceKind = keyof SourceEntry['rows'];
