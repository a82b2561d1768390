package cn.lantai.identity;

/**
 * The three separated administrators of Chinese government systems (三员分立). An account holds at most one, and an
 * account that holds one does no archive work.
 */
public enum AdminDuty {
    /** 系统管理员: accounts, organisation units, groups, configuration. */
    SYSTEM_ADMIN,
    /** 安全保密管理员: roles, rights, data scopes, clearances. */
    SECURITY_ADMIN,
    /** 安全审计员: reads and verifies the audit trail. */
    AUDITOR;

    /** The Spring Security authority that carries the duty. */
    public String authority() {
        return "ROLE_" + name();
    }
}
