package cn.lantai.identity;

/**
 * Refused because it would break the separation of duties: one account holding two administrator duties, an
 * administrator doing archive work, or anyone granting themselves anything.
 */
public class SeparationOfDuties extends IdentityProblem {

    public SeparationOfDuties(String code, Object... args) {
        super(code, args);
    }
}
