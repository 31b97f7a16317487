CREATE TYPE "public"."secret_hash_kind" AS ENUM('SHA256', 'BCRYPT');--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "secret_hash_kind" "secret_hash_kind" DEFAULT 'SHA256' NOT NULL;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "previous_secret_hash_kind" "secret_hash_kind";