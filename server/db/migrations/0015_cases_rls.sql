-- Tenant walls for the case tables (see 0002). reference_data is the network's, not a tenant's: no policy.
ALTER TABLE cases ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY cases_tenant ON cases
  USING (org_id = nullif(current_setting('haven.org_id', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('haven.org_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE case_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY case_events_tenant ON case_events
  USING (org_id = nullif(current_setting('haven.org_id', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('haven.org_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE case_notes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY case_notes_tenant ON case_notes
  USING (org_id = nullif(current_setting('haven.org_id', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('haven.org_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE case_tasks ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY case_tasks_tenant ON case_tasks
  USING (org_id = nullif(current_setting('haven.org_id', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('haven.org_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE daca_records ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY daca_records_tenant ON daca_records
  USING (org_id = nullif(current_setting('haven.org_id', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('haven.org_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE daca_reminders ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY daca_reminders_tenant ON daca_reminders
  USING (org_id = nullif(current_setting('haven.org_id', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('haven.org_id', true), '')::uuid);
--> statement-breakpoint
-- New actions reach the orgs that already exist with the same defaults new orgs get (authz/actions.ts).
INSERT INTO role_permissions (org_id, role, action)
SELECT o.id, d.role, d.action
FROM organizations o
CROSS JOIN (VALUES
  ('network_admin', 'cases.read'), ('network_admin', 'cases.write'), ('network_admin', 'cases.legal_advice'),
  ('affiliate_admin', 'cases.read'), ('affiliate_admin', 'cases.write'), ('affiliate_admin', 'cases.legal_advice'),
  ('coordinator', 'cases.read'), ('coordinator', 'cases.write'),
  ('responder', 'cases.read'), ('responder', 'cases.write'),
  ('attorney', 'cases.read'), ('attorney', 'cases.write'), ('attorney', 'cases.legal_advice')
) AS d(role, action)
ON CONFLICT DO NOTHING;
