import { fileURLToPath } from 'node:url';

/** The console's sources (the browser app) and where its build goes (git-ignored, like all of dist/). */
export const CONSOLE_SRC = fileURLToPath(new URL('../../console/', import.meta.url)).replace(/\/$/, '');
export const CONSOLE_DIST = fileURLToPath(new URL('../../dist/console/', import.meta.url)).replace(/\/$/, '');
/** Generated from the served OpenAPI document; committed, and checked fresh by src/console/openapi-types.test.ts. */
export const CONSOLE_API_TYPES = `${CONSOLE_SRC}/src/api/schema.d.ts`;
