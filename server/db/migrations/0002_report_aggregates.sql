CREATE TABLE "report_codes" (
	"grain" text NOT NULL,
	"dimension" text NOT NULL,
	"location_id" uuid NOT NULL,
	"period" date NOT NULL,
	"code" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"visits" integer DEFAULT 0 NOT NULL,
	"questions" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_codes_grain_dimension_location_id_period_code_pk" PRIMARY KEY("grain","dimension","location_id","period","code")
);
--> statement-breakpoint
CREATE TABLE "report_totals" (
	"grain" text NOT NULL,
	"period" date NOT NULL,
	"location_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"visits" integer DEFAULT 0 NOT NULL,
	"questions" integer DEFAULT 0 NOT NULL,
	"referred" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_totals_grain_location_id_period_pk" PRIMARY KEY("grain","location_id","period")
);
