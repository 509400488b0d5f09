CREATE TABLE "report_format" (
	"format" integer PRIMARY KEY NOT NULL
);
