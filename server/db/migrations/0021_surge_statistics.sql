-- A surge takes these tables from a few rows to thousands in minutes. With PostgreSQL's
-- defaults (re-analyze after 50 rows + 10 % changed, checked every minute) the planner can
-- go on believing they are nearly empty through the first minutes of a surge, exactly when
-- the inbox is busiest (docs/performance.md §4). Re-analyze after 200 rows + 2 % instead.
-- PGlite accepts the settings (it runs no autovacuum).
ALTER TABLE conversations SET (autovacuum_analyze_threshold = 200, autovacuum_analyze_scale_factor = 0.02);
--> statement-breakpoint
ALTER TABLE inbound_messages SET (autovacuum_analyze_threshold = 200, autovacuum_analyze_scale_factor = 0.02);
--> statement-breakpoint
ALTER TABLE outbound_messages SET (autovacuum_analyze_threshold = 200, autovacuum_analyze_scale_factor = 0.02);
--> statement-breakpoint
ALTER TABLE conversation_events SET (autovacuum_analyze_threshold = 200, autovacuum_analyze_scale_factor = 0.02);
