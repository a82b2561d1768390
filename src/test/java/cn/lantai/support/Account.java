package cn.lantai.support;

/** A person who signs in to the workbench in a browser test. */
public record Account(String username, String password) {

    /**
     * The one account of the application until the identity module lands: {@code admin}, whose password the test
     * profile sets ({@code application-test.yaml}). Accounts with roles and clearances will join it here.
     */
    public static final Account ADMINISTRATOR = new Account("admin", "test-admin");
}
