package cn.lantai.identity;

/**
 * Whom the archive calls about a unit's transfers (联系人, 电话, 地址); each part optional ({@code null} when not
 * given). The unit directory checks lengths and the phone's characters before it keeps one.
 */
public record UnitContact(String person, String phone, String address) {

    /** No contact given yet. */
    public static final UnitContact NONE = new UnitContact(null, null, null);

    /** Whether nothing is given. */
    public boolean isEmpty() {
        return person == null && phone == null && address == null;
    }

    /** The contact as the audit trail records it, part by part. */
    String described() {
        return "person=" + nullSafe(person) + " phone=" + nullSafe(phone) + " address=" + nullSafe(address);
    }

    private static String nullSafe(String s) {
        return s == null ? "" : s;
    }
}
