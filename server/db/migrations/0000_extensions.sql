-- pg_trgm serves name search (PGlite ships it; Debian's PostgreSQL has it in contrib).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- haven_app: the role every request transaction runs as (SET LOCAL ROLE). It is not a
-- superuser and does not bypass row-level security, so RLS is a real second wall even
-- when the connection itself is a superuser (as on PGlite and in tests).
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'haven_app') THEN
    CREATE ROLE haven_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
END $$;
