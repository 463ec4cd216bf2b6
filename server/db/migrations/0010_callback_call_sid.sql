ALTER TABLE "callback_tasks" ADD COLUMN "call_sid" text;--> statement-breakpoint
ALTER TABLE "callback_tasks" ADD COLUMN "emergency" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "callback_tasks_call_uq" ON "callback_tasks" USING btree ("org_id","call_sid","reason");