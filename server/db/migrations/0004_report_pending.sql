CREATE TABLE "report_pending" (
	"registration_id" uuid PRIMARY KEY NOT NULL,
	"folded" jsonb,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "report_totals_grain_period" ON "report_totals" USING btree ("grain","period");