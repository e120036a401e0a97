// The server's reply types, generated from its OpenAPI document: src/api/openapi.json is the
// snapshot scripts/openapi-snapshot.sh writes, and `npm run gen:api` (part of `npm run build`)
// turns it into schema.d.ts. Pages import the aliases of lib/*/types.ts rather than this file.
import type { components } from './schema';

export type Schemas = components['schemas'];

/** The body of a 200 reply whose schema the server names `N` (src/api/schemas/ in the server). */
export type Reply<N extends keyof Schemas> = Schemas[N];
