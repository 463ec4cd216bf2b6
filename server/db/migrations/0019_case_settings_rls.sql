-- Tenant wall for case_settings (see 0002, 0015). The retention job reads every affiliate's row as the table owner.
ALTER TABLE case_settings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY case_settings_tenant ON case_settings
  USING (org_id = nullif(current_setting('haven.org_id', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('haven.org_id', true), '')::uuid);
