-- Tenant walls for the messaging tables (see 0002). Webhooks and the sender run as the
-- system (table owner) because they learn the org from the number, not from a session.
ALTER TABLE messaging_accounts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY messaging_accounts_tenant ON messaging_accounts
  USING (org_id = nullif(current_setting('haven.org_id', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('haven.org_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE messaging_senders ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY messaging_senders_tenant ON messaging_senders
  USING (org_id = nullif(current_setting('haven.org_id', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('haven.org_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE outbound_messages ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY outbound_messages_tenant ON outbound_messages
  USING (org_id = nullif(current_setting('haven.org_id', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('haven.org_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE inbound_messages ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY inbound_messages_tenant ON inbound_messages
  USING (org_id = nullif(current_setting('haven.org_id', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('haven.org_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE voice_calls ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY voice_calls_tenant ON voice_calls
  USING (org_id = nullif(current_setting('haven.org_id', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('haven.org_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE bad_addresses ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY bad_addresses_tenant ON bad_addresses
  USING (org_id = nullif(current_setting('haven.org_id', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('haven.org_id', true), '')::uuid);
--> statement-breakpoint
-- A network-wide opt-out (STOPALL) binds every affiliate's senders, so every org may read
-- those rows (address and status only matter); it still writes only its own.
CREATE POLICY consent_events_network_read ON consent_events FOR SELECT
  USING (scope = 'network');
--> statement-breakpoint
-- New actions reach the orgs that already exist with the same defaults new orgs get.
INSERT INTO role_permissions (org_id, role, action)
SELECT o.id, d.role, d.action
FROM organizations o
CROSS JOIN (VALUES
  ('network_admin', 'messaging.settings'), ('network_admin', 'messaging.queue'), ('network_admin', 'messaging.history'), ('network_admin', 'simulator.use'),
  ('affiliate_admin', 'messaging.settings'), ('affiliate_admin', 'messaging.queue'), ('affiliate_admin', 'messaging.history'), ('affiliate_admin', 'simulator.use'),
  ('coordinator', 'messaging.queue'), ('coordinator', 'messaging.history'), ('coordinator', 'simulator.use'),
  ('responder', 'messaging.history'), ('responder', 'simulator.use'),
  ('attorney', 'simulator.use'), ('verifier', 'simulator.use'),
  ('organizer', 'messaging.queue'), ('organizer', 'simulator.use'),
  ('volunteer', 'simulator.use')
) AS d(role, action)
ON CONFLICT DO NOTHING;
