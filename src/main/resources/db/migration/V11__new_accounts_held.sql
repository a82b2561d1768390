-- 三员分立: a new account waits for the security administrator's confirmation like a reset one. The system
-- administrator who created it knows its one-time password, so it holds no rights until its holder has chosen a
-- password of their own and the security administrator has confirmed it (NEW_ACCOUNT).
ALTER TABLE pending_change DROP CONSTRAINT pending_change_kind;
ALTER TABLE pending_change ADD CONSTRAINT pending_change_kind
    CHECK (kind IN ('NEW_ACCOUNT', 'PASSWORD_RESET', 'ACCOUNT_UNIT', 'UNIT_PLACE'));

-- Accounts the system administrator created before this version whose holder has not signed in yet wait in the same
-- way: whoever created them knows their one-time password. Such an account still has the password set at its
-- creation (a change of password or a reset moves password_changed_at on). The three administrators of the first
-- start hold a duty and are not concerned.
INSERT INTO pending_change (kind, subject, requested_by, requested_at)
SELECT 'NEW_ACCOUNT', a.username, 'system', CURRENT_TIMESTAMP
FROM account a
WHERE a.must_change_password AND a.admin_duty IS NULL AND a.password_changed_at = a.created_at;
