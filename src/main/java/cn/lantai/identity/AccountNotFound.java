package cn.lantai.identity;

public class AccountNotFound extends IdentityProblem {

    public AccountNotFound(String username) {
        super("identity.no-such-account", username);
    }
}
