import { defineConfig } from 'drizzle-kit';

// drizzle-kit only generates SQL here; migrations are applied by `haven migrate`
// (and at start) with drizzle's migrate(), which works on PGlite and PostgreSQL.
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/db/schema.ts',
  out: './server/db/migrations',
});
