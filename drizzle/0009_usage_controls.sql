CREATE TABLE "rate_windows" (
	"key" text PRIMARY KEY NOT NULL,
	"used" integer NOT NULL,
	"granted" integer NOT NULL,
	"ends_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "usage_counts" (
	"organization_id" uuid NOT NULL,
	"api_key_id" text NOT NULL,
	"interval" text NOT NULL,
	"bucket_start" timestamp (3) with time zone NOT NULL,
	"code" text NOT NULL,
	"count" bigint NOT NULL,
	CONSTRAINT "usage_counts_api_key_id_interval_bucket_start_code_pk" PRIMARY KEY("api_key_id","interval","bucket_start","code")
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "owner" text;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "meta" jsonb;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "allowed_ips" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "rate_limits" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "credits_remaining" bigint;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "credits_leased" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "credits_refill" jsonb;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "credits_refilled_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "credits_epoch" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "usage_counts" ADD CONSTRAINT "usage_counts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "usage_counts_organization_idx" ON "usage_counts" USING btree ("organization_id","interval","bucket_start");--> statement-breakpoint
CREATE INDEX "api_keys_organization_owner_idx" ON "api_keys" USING btree ("organization_id","owner");