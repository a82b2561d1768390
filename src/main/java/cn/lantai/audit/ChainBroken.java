package cn.lantai.audit;

/** The trail does not verify, so no receipt vouches for it; {@link #verification()} says where and why. */
public class ChainBroken extends RuntimeException {

    private final transient ChainVerification verification;

    public ChainBroken(ChainVerification verification) {
        super("the audit trail does not verify: " + verification.detail());
        this.verification = verification;
    }

    public ChainVerification verification() {
        return verification;
    }
}
