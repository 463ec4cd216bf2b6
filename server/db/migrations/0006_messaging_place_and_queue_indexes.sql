ALTER TABLE "inbound_messages" ADD COLUMN "from_state" text;--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD COLUMN "from_zip" text;--> statement-breakpoint
CREATE INDEX "outbound_org_open_idx" ON "outbound_messages" USING btree ("org_id","status") WHERE status in ('queued','sending');--> statement-breakpoint
CREATE INDEX "outbound_org_sent_idx" ON "outbound_messages" USING btree ("org_id","sent_at");--> statement-breakpoint
CREATE INDEX "outbound_org_failed_idx" ON "outbound_messages" USING btree ("org_id","final_at") WHERE status in ('failed','undelivered');