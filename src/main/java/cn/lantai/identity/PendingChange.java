package cn.lantai.identity;

import java.time.Instant;

/**
 * A change by the system administrator (系统管理员) that would change what someone may see, waiting for the security
 * administrator (安全保密管理员) to confirm it (三员分立): until then it has no effect, and a new or reset account holds
 * no rights at all.
 *
 * @param subject the account (new, a password reset, a move to another unit) or the organisation unit (its place)
 * @param unitNow the account's unit, or the unit's parent, as it is now; {@code unit} as asked for
 * @param fondsNow the unit's fonds (全宗号) as it is now; {@code fonds} as asked for (a unit's place only)
 * @param confirmable whether it may be confirmed now: a new or reset account only once its holder has chosen a password
 *         of their own
 */
public record PendingChange(long id, Kind kind, String subject, String unitNow, String unit, String fondsNow,
        String fonds, String requestedBy, Instant requestedAt, boolean confirmable) {

    public enum Kind {
        /** A new account: whoever created it knows its one-time password. */
        NEW_ACCOUNT,
        /** A password reset: whoever reset it knows the one-time password. */
        PASSWORD_RESET,
        /** An account moved to another unit: a unit archivist's scope is the fonds of their unit and those below. */
        ACCOUNT_UNIT,
        /** A unit's parent and fonds: the scope of the archivists of the unit and of every unit above it. */
        UNIT_PLACE;

        /**
         * Whether the account holds no rights at all while this waits (new or reset: its one-time password is known to
         * the system administrator); such a change is confirmed once its holder has chosen their own password, and
         * never refused, which would leave the account as its issuer could use it.
         */
        public boolean holdsRightsBack() {
            return this == NEW_ACCOUNT || this == PASSWORD_RESET;
        }
    }
}
