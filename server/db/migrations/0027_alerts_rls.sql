-- Tenant walls for case documents and the alert tables (see 0002). alert_links holds no personal data (a code, a public URL,
-- a count) and is read by the public /l/ redirect before any org is known: no policy.
ALTER TABLE case_documents ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY case_documents_tenant ON case_documents
  USING (org_id = nullif(current_setting('haven.org_id', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('haven.org_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE alerts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY alerts_tenant ON alerts
  USING (org_id = nullif(current_setting('haven.org_id', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('haven.org_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE alert_versions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY alert_versions_tenant ON alert_versions
  USING (org_id = nullif(current_setting('haven.org_id', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('haven.org_id', true), '')::uuid);
--> statement-breakpoint
-- A delivery belongs to the recipient's affiliate; the org that wrote the alert reads it too (progress counts).
ALTER TABLE alert_deliveries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY alert_deliveries_tenant ON alert_deliveries
  USING (org_id = nullif(current_setting('haven.org_id', true), '')::uuid
      OR alert_org_id = nullif(current_setting('haven.org_id', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('haven.org_id', true), '')::uuid
      OR alert_org_id = nullif(current_setting('haven.org_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE alert_subscribers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY alert_subscribers_tenant ON alert_subscribers
  USING (org_id = nullif(current_setting('haven.org_id', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('haven.org_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE alert_signups ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY alert_signups_tenant ON alert_signups
  USING (org_id = nullif(current_setting('haven.org_id', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('haven.org_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE alert_imports ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY alert_imports_tenant ON alert_imports
  USING (org_id = nullif(current_setting('haven.org_id', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('haven.org_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE alert_settings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY alert_settings_tenant ON alert_settings
  USING (org_id = nullif(current_setting('haven.org_id', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('haven.org_id', true), '')::uuid);
--> statement-breakpoint
-- New actions reach the orgs that already exist with the same defaults new orgs get (authz/actions.ts).
INSERT INTO role_permissions (org_id, role, action)
SELECT o.id, d.role, d.action
FROM organizations o
CROSS JOIN (VALUES
  ('network_admin', 'alerts.write'), ('network_admin', 'alerts.approve'), ('network_admin', 'alerts.subscribers'),
  ('affiliate_admin', 'alerts.write'), ('affiliate_admin', 'alerts.approve'), ('affiliate_admin', 'alerts.subscribers'),
  ('coordinator', 'alerts.write'), ('coordinator', 'alerts.approve'),
  ('organizer', 'alerts.write'), ('organizer', 'alerts.subscribers')
) AS d(role, action)
ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- The consent check reads the latest event per address: ordered by (created_at, seq) with the columns it reads included, it is
-- an index-only scan, a third faster over an alert's million recipients (bench/alerts). Drizzle cannot declare INCLUDE.
DROP INDEX IF EXISTS consent_address_idx;
--> statement-breakpoint
CREATE INDEX consent_address_idx ON consent_events (address, channel, created_at, seq) INCLUDE (topic, scope, org_id, status);
