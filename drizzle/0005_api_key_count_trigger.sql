-- Custom migration (made with `npm run db:custom -- --name=…`): a trigger is not something
-- drizzle's schema can declare. organizations.api_key_count is the unfiltered key list's
-- totalCount; counting 10,000 rows per page costs more than the page itself. The triggers
-- keep it for every insert, delete and truncate, whichever code (or operator) makes them,
-- one UPDATE per statement and organization however many rows the statement touches.
-- (A key never moves to another organization: nothing updates api_keys.organization_id.)
CREATE FUNCTION "keyward_count_inserted_api_keys"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "organizations" o SET "api_key_count" = o."api_key_count" + c.n
    FROM (SELECT "organization_id", count(*) AS n FROM inserted GROUP BY 1) c
    WHERE o."id" = c."organization_id";
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION "keyward_count_deleted_api_keys"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "organizations" o SET "api_key_count" = o."api_key_count" - c.n
    FROM (SELECT "organization_id", count(*) AS n FROM deleted GROUP BY 1) c
    WHERE o."id" = c."organization_id";
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "api_keys_counted_on_insert" AFTER INSERT ON "api_keys"
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION "keyward_count_inserted_api_keys"();
--> statement-breakpoint
CREATE TRIGGER "api_keys_counted_on_delete" AFTER DELETE ON "api_keys"
  REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION "keyward_count_deleted_api_keys"();
--> statement-breakpoint
CREATE FUNCTION "keyward_count_truncated_api_keys"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "organizations" SET "api_key_count" = 0 WHERE "api_key_count" <> 0;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "api_keys_counted_on_truncate" AFTER TRUNCATE ON "api_keys"
  FOR EACH STATEMENT EXECUTE FUNCTION "keyward_count_truncated_api_keys"();
--> statement-breakpoint
-- Keys made before this migration.
UPDATE "organizations" SET "api_key_count" = (
  SELECT count(*) FROM "api_keys" WHERE "api_keys"."organization_id" = "organizations"."id"
);
