-- Custom migration (made with `npm run db:custom -- --name=…`): data, which drizzle's schema
-- cannot declare. Every secret hash stored before 0006 is a bcrypt hash (`$2a$`/`$2b$`…);
-- 0006 gave them all the column's default, SHA256. Mark them as what they are, so that
-- verification checks them with bcrypt once and rewrites them to a digest (keys/verify.ts).
UPDATE "api_keys" SET "secret_hash_kind" = 'BCRYPT' WHERE "secret_hash" LIKE '$2%';
--> statement-breakpoint
UPDATE "api_keys" SET "previous_secret_hash_kind" = CASE WHEN "previous_secret_hash" LIKE '$2%' THEN 'BCRYPT'::"secret_hash_kind" ELSE 'SHA256'::"secret_hash_kind" END
  WHERE "previous_secret_hash" IS NOT NULL;
