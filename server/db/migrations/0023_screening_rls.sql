-- Tenant walls for screening forms and answers (see 0015).
ALTER TABLE screening_forms ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY screening_forms_tenant ON screening_forms
  USING (org_id = nullif(current_setting('haven.org_id', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('haven.org_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE case_screenings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY case_screenings_tenant ON case_screenings
  USING (org_id = nullif(current_setting('haven.org_id', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('haven.org_id', true), '')::uuid);
