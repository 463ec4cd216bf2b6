DROP INDEX "inbound_conversation_idx";--> statement-breakpoint
CREATE INDEX "inbound_conversation_idx" ON "inbound_messages" USING btree ("conversation_id","org_id","received_at");