package cn.lantai.identity;

import java.util.List;

/** A new password that breaks the password policy; {@code reasons} are message keys. */
public class PasswordRejected extends IdentityProblem {

    private final List<String> reasons;

    public PasswordRejected(List<String> reasons) {
        super("identity.password-rejected");
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}
