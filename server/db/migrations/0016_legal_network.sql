CREATE TABLE "providers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"organization_name" text,
	"languages" text[] NOT NULL,
	"practice_areas" text[] NOT NULL,
	"states" text[] NOT NULL,
	"courts" text[] DEFAULT '{}'::text[] NOT NULL,
	"funding_restrictions" text[] DEFAULT '{}'::text[] NOT NULL,
	"pro_bono_per_month" integer DEFAULT 0 NOT NULL,
	"email" text,
	"phone" text,
	"contact_preference" text DEFAULT 'email' NOT NULL,
	"website" text,
	"active" boolean DEFAULT true NOT NULL,
	"lang" text DEFAULT 'en' NOT NULL,
	"user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"status" text DEFAULT 'sent' NOT NULL,
	"summary" text,
	"sent_by" uuid,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"conflict_cleared_at" timestamp with time zone,
	"responded_at" timestamp with time zone,
	"decline_reason" text,
	"consultation_at" timestamp with time zone,
	"outcome" text,
	"completed_at" timestamp with time zone,
	"consult_by" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "providers" ADD CONSTRAINT "providers_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "providers" ADD CONSTRAINT "providers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "providers_user_uq" ON "providers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "providers_areas_idx" ON "providers" USING gin ("practice_areas");--> statement-breakpoint
CREATE INDEX "providers_states_idx" ON "providers" USING gin ("states");--> statement-breakpoint
CREATE UNIQUE INDEX "referrals_live_uq" ON "referrals" USING btree ("case_id","provider_id") WHERE status not in ('declined', 'withdrawn', 'completed');--> statement-breakpoint
CREATE INDEX "referrals_provider_idx" ON "referrals" USING btree ("provider_id","status");--> statement-breakpoint
CREATE INDEX "referrals_case_idx" ON "referrals" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "referrals_consult_by_idx" ON "referrals" USING btree ("consult_by") WHERE consult_by is not null and escalated_at is null and consultation_at is null;