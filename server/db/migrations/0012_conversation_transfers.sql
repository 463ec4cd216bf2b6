CREATE TABLE "conversation_transfers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"to_org_id" uuid NOT NULL,
	"status" text DEFAULT 'offered' NOT NULL,
	"reason" text,
	"offered_by" uuid,
	"taken_by" uuid,
	"taken_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "conversation_transfers" ADD CONSTRAINT "conversation_transfers_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_transfers" ADD CONSTRAINT "conversation_transfers_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_transfers" ADD CONSTRAINT "conversation_transfers_to_org_id_organizations_id_fk" FOREIGN KEY ("to_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_transfers" ADD CONSTRAINT "conversation_transfers_offered_by_users_id_fk" FOREIGN KEY ("offered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_transfers" ADD CONSTRAINT "conversation_transfers_taken_by_users_id_fk" FOREIGN KEY ("taken_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "conversation_transfers_live_uq" ON "conversation_transfers" USING btree ("conversation_id") WHERE status in ('offered', 'taken');--> statement-breakpoint
CREATE INDEX "conversation_transfers_to_idx" ON "conversation_transfers" USING btree ("to_org_id","status");--> statement-breakpoint
ALTER TABLE conversation_transfers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Both sides see an offer: the affiliate that made it and the one it was made to.
CREATE POLICY conversation_transfers_sides ON conversation_transfers
  USING (org_id = nullif(current_setting('haven.org_id', true), '')::uuid OR to_org_id = nullif(current_setting('haven.org_id', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('haven.org_id', true), '')::uuid OR to_org_id = nullif(current_setting('haven.org_id', true), '')::uuid);
