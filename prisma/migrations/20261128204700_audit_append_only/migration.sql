-- The audit log is append-only (PRODUCT.md): rows are inserted with the change they record and
-- never changed or removed afterwards, whatever the application does. Prisma's schema has no way
-- to say this (and its diff ignores triggers and functions), so it is written here by hand.
-- An operator who truly must remove rows (a legal erasure request, say) can drop the trigger as
-- the database owner, deliberately and visibly.

CREATE FUNCTION "AuditEvent_refuse_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'The audit log is append-only: % on "AuditEvent" is not allowed', TG_OP
    USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER "AuditEvent_append_only"
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "AuditEvent_refuse_change"();

CREATE TRIGGER "AuditEvent_no_truncate"
  BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "AuditEvent_refuse_change"();
