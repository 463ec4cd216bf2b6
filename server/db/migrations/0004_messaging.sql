CREATE TABLE "bad_addresses" (
	"org_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"address" text NOT NULL,
	"error_code" integer,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bad_addresses_org_id_channel_address_pk" PRIMARY KEY("org_id","channel","address")
);
--> statement-breakpoint
CREATE TABLE "inbound_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"channel" text DEFAULT 'sms' NOT NULL,
	"provider_id" text NOT NULL,
	"from_address" text NOT NULL,
	"to_address" text NOT NULL,
	"sender_id" uuid,
	"person_id" uuid,
	"body" text NOT NULL,
	"segments" integer DEFAULT 1 NOT NULL,
	"keyword" text,
	"lang" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "messaging_accounts" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"provider" text DEFAULT 'simulator' NOT NULL,
	"account_sid" text,
	"auth_token_enc" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "messaging_senders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"label" text DEFAULT '' NOT NULL,
	"phone_e164" text,
	"messaging_service_sid" text,
	"segments_per_second" real,
	"is_default" boolean DEFAULT false NOT NULL,
	"pacing_next_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbound_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"to_address" text NOT NULL,
	"person_id" uuid,
	"sender_id" uuid,
	"lang" text NOT NULL,
	"subject" text,
	"body" text NOT NULL,
	"html" text,
	"segments" integer DEFAULT 1 NOT NULL,
	"kind" text NOT NULL,
	"topic" text DEFAULT 'all' NOT NULL,
	"priority" text DEFAULT 'bulk' NOT NULL,
	"emergency" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"status_reason" text,
	"error_code" integer,
	"provider_id" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"not_before" timestamp with time zone,
	"claimed_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"final_at" timestamp with time zone,
	"dedupe_key" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "simulated_calls" (
	"provider_id" text PRIMARY KEY NOT NULL,
	"direction" text NOT NULL,
	"from_address" text NOT NULL,
	"to_address" text NOT NULL,
	"url" text NOT NULL,
	"status_callback" text,
	"status" text NOT NULL,
	"transcript" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"waiting" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "simulated_sms" (
	"provider_id" text PRIMARY KEY NOT NULL,
	"direction" text NOT NULL,
	"from_address" text NOT NULL,
	"messaging_service_sid" text,
	"to_address" text NOT NULL,
	"body" text NOT NULL,
	"status_callback" text,
	"status" text NOT NULL,
	"error_code" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "simulator_failures" (
	"phone" text PRIMARY KEY NOT NULL,
	"error_code" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "voice_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"provider_id" text NOT NULL,
	"direction" text NOT NULL,
	"from_address" text NOT NULL,
	"to_address" text NOT NULL,
	"sender_id" uuid,
	"person_id" uuid,
	"status" text NOT NULL,
	"lang" text,
	"recording_url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consent_events" ALTER COLUMN "person_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "consent_events" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "bad_addresses" ADD CONSTRAINT "bad_addresses_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD CONSTRAINT "inbound_messages_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD CONSTRAINT "inbound_messages_sender_id_messaging_senders_id_fk" FOREIGN KEY ("sender_id") REFERENCES "public"."messaging_senders"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD CONSTRAINT "inbound_messages_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messaging_accounts" ADD CONSTRAINT "messaging_accounts_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messaging_accounts" ADD CONSTRAINT "messaging_accounts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messaging_senders" ADD CONSTRAINT "messaging_senders_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbound_messages" ADD CONSTRAINT "outbound_messages_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbound_messages" ADD CONSTRAINT "outbound_messages_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbound_messages" ADD CONSTRAINT "outbound_messages_sender_id_messaging_senders_id_fk" FOREIGN KEY ("sender_id") REFERENCES "public"."messaging_senders"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbound_messages" ADD CONSTRAINT "outbound_messages_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_calls" ADD CONSTRAINT "voice_calls_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_calls" ADD CONSTRAINT "voice_calls_sender_id_messaging_senders_id_fk" FOREIGN KEY ("sender_id") REFERENCES "public"."messaging_senders"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_calls" ADD CONSTRAINT "voice_calls_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "inbound_provider_id_uq" ON "inbound_messages" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "inbound_person_idx" ON "inbound_messages" USING btree ("person_id","received_at");--> statement-breakpoint
CREATE INDEX "inbound_from_idx" ON "inbound_messages" USING btree ("org_id","from_address","received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "messaging_senders_phone_uq" ON "messaging_senders" USING btree ("phone_e164");--> statement-breakpoint
CREATE UNIQUE INDEX "messaging_senders_service_uq" ON "messaging_senders" USING btree ("messaging_service_sid");--> statement-breakpoint
CREATE INDEX "messaging_senders_org_idx" ON "messaging_senders" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "outbound_provider_id_uq" ON "outbound_messages" USING btree ("provider_id");--> statement-breakpoint
CREATE UNIQUE INDEX "outbound_dedupe_uq" ON "outbound_messages" USING btree ("org_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "outbound_person_idx" ON "outbound_messages" USING btree ("person_id","created_at");--> statement-breakpoint
CREATE INDEX "outbound_address_idx" ON "outbound_messages" USING btree ("to_address","status");--> statement-breakpoint
CREATE INDEX "outbound_open_idx" ON "outbound_messages" USING btree ("sender_id","status") WHERE status in ('queued','sending');--> statement-breakpoint
CREATE INDEX "simulated_sms_to_idx" ON "simulated_sms" USING btree ("to_address","created_at");--> statement-breakpoint
CREATE INDEX "simulated_sms_from_idx" ON "simulated_sms" USING btree ("from_address","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "voice_calls_provider_id_uq" ON "voice_calls" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "voice_calls_person_idx" ON "voice_calls" USING btree ("person_id","created_at");--> statement-breakpoint
CREATE INDEX "consent_address_idx" ON "consent_events" USING btree ("address","channel","created_at");