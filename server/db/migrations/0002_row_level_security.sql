-- Second wall: tenant tables show and accept only rows of the org set for the current
-- transaction (set_config('haven.org_id', …, true) in platform/db-context.ts).
-- The first wall is the application's own `where org_id = ctx.org`.
ALTER TABLE people ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY people_tenant ON people
  USING (org_id = nullif(current_setting('haven.org_id', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('haven.org_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE consent_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY consent_events_tenant ON consent_events
  USING (org_id = nullif(current_setting('haven.org_id', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('haven.org_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- An org reads only its own chain; events that belong to no org (a failed sign-in) may be
-- appended from any context but read only by the operator's `haven audit` commands.
CREATE POLICY audit_read ON audit_log FOR SELECT
  USING (org_id = nullif(current_setting('haven.org_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY audit_append ON audit_log FOR INSERT
  WITH CHECK (org_id IS NULL OR org_id = nullif(current_setting('haven.org_id', true), '')::uuid);
