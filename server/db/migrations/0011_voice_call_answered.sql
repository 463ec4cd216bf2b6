ALTER TABLE "voice_calls" ADD COLUMN "answered_by" uuid;--> statement-breakpoint
ALTER TABLE "voice_calls" ADD COLUMN "answered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "voice_calls" ADD CONSTRAINT "voice_calls_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;