-- Tenant walls for the hotline tables (see 0002), and the links from messages to conversations.
-- Webhooks and routing run as the system (table owner): they learn the org from the number called.
--> statement-breakpoint
ALTER TABLE hotline_settings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY hotline_settings_tenant ON hotline_settings
  USING (org_id = nullif(current_setting('haven.org_id', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('haven.org_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE hotline_responders ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY hotline_responders_tenant ON hotline_responders
  USING (org_id = nullif(current_setting('haven.org_id', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('haven.org_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE hotline_shifts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY hotline_shifts_tenant ON hotline_shifts
  USING (org_id = nullif(current_setting('haven.org_id', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('haven.org_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE hotline_shift_overrides ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY hotline_shift_overrides_tenant ON hotline_shift_overrides
  USING (org_id = nullif(current_setting('haven.org_id', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('haven.org_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE conversations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY conversations_tenant ON conversations
  USING (org_id = nullif(current_setting('haven.org_id', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('haven.org_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE conversation_notes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY conversation_notes_tenant ON conversation_notes
  USING (org_id = nullif(current_setting('haven.org_id', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('haven.org_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE conversation_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY conversation_events_tenant ON conversation_events
  USING (org_id = nullif(current_setting('haven.org_id', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('haven.org_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE canned_responses ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY canned_responses_tenant ON canned_responses
  USING (org_id = nullif(current_setting('haven.org_id', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('haven.org_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE callback_tasks ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY callback_tasks_tenant ON callback_tasks
  USING (org_id = nullif(current_setting('haven.org_id', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('haven.org_id', true), '')::uuid);
--> statement-breakpoint
-- Declared here, not in messaging.table.ts: the hotline module builds on messaging, so the
-- messaging tables must not import hotline's.
ALTER TABLE inbound_messages ADD CONSTRAINT inbound_messages_conversation_fk FOREIGN KEY (conversation_id) REFERENCES conversations(id) ON DELETE SET NULL;
--> statement-breakpoint
ALTER TABLE outbound_messages ADD CONSTRAINT outbound_messages_conversation_fk FOREIGN KEY (conversation_id) REFERENCES conversations(id) ON DELETE SET NULL;
--> statement-breakpoint
ALTER TABLE voice_calls ADD CONSTRAINT voice_calls_conversation_fk FOREIGN KEY (conversation_id) REFERENCES conversations(id) ON DELETE SET NULL;
--> statement-breakpoint
-- New actions reach the orgs that already exist with the same defaults new orgs get.
INSERT INTO role_permissions (org_id, role, action)
SELECT o.id, d.role, d.action
FROM organizations o
CROSS JOIN (VALUES
  ('network_admin', 'hotline.respond'), ('network_admin', 'hotline.coordinate'), ('network_admin', 'hotline.reports'),
  ('affiliate_admin', 'hotline.respond'), ('affiliate_admin', 'hotline.coordinate'), ('affiliate_admin', 'hotline.reports'),
  ('coordinator', 'hotline.respond'), ('coordinator', 'hotline.coordinate'), ('coordinator', 'hotline.reports'),
  ('responder', 'hotline.respond'),
  ('volunteer', 'hotline.respond')
) AS d(role, action)
ON CONFLICT DO NOTHING;
