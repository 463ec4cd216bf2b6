-- The directory is the network's: every org reads it, only the keeper writes (two permissive policies OR together for SELECT).
ALTER TABLE providers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY providers_read ON providers FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY providers_keeper ON providers
  USING (org_id = nullif(current_setting('haven.org_id', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('haven.org_id', true), '')::uuid);
--> statement-breakpoint
-- Referrals belong to the case's affiliate; the provider reaches theirs through the portal's own checks (as the system).
ALTER TABLE referrals ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY referrals_tenant ON referrals
  USING (org_id = nullif(current_setting('haven.org_id', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('haven.org_id', true), '')::uuid);
--> statement-breakpoint
INSERT INTO role_permissions (org_id, role, action)
SELECT o.id, d.role, d.action
FROM organizations o
CROSS JOIN (VALUES
  ('network_admin', 'directory.manage'), ('affiliate_admin', 'directory.manage'), ('coordinator', 'directory.manage')
) AS d(role, action)
ON CONFLICT DO NOTHING;
