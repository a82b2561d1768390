package cn.lantai.support;

/** A person who signs in to the workbench in a browser test. */
public record Account(String username, String password) {

    /** The cataloguer who sees every record (see {@link Staff#ARCHIVIST}); made on first sign-in. */
    public static final Account ARCHIVIST = new Account(Staff.ARCHIVIST, Staff.PASSWORD);
    /** The three administrators the first start creates, with the passwords of the test profile. */
    public static final Account SYSTEM_ADMIN = new Account("admin", Staff.ADMIN_PASSWORD);
    public static final Account SECURITY_ADMIN = new Account("secadmin", Staff.SECADMIN_PASSWORD);
    public static final Account AUDITOR = new Account("auditor", Staff.AUDITOR_PASSWORD);

    /** Where signing in leads: each administrator to their own work, everyone else to the catalogue. */
    public String landing() {
        return switch (username) {
            case "admin" -> "/admin/users";
            case "secadmin" -> "/admin/pending";
            case "auditor" -> "/audit";
            default -> "/catalogue";
        };
    }
}
