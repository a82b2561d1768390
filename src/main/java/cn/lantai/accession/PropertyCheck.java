package cn.lantai.accession;

/**
 * One check of the four-properties check (四性检测, DA/T 70-2018) and its outcome: which property, a stable code (see
 * ARCHITECTURE.md, "Accession: packages and the four-properties check"), pass or fail, the record it concerns (its
 * 档号, or 第N行 when it has none; blank for the package as a whole), the payload-relative file it concerns (blank when
 * none), and the reason in Chinese.
 */
public record PropertyCheck(Property property, String code, Result result, String record, String file,
        String reason) {

    /** The four properties of DA/T 70-2018. */
    public enum Property {
        /** 真实性 */
        AUTHENTICITY,
        /** 完整性 */
        INTEGRITY,
        /** 可用性 */
        USABILITY,
        /** 安全性 */
        SECURITY
    }

    public enum Result { PASS, FAIL }

    public boolean failed() {
        return result == Result.FAIL;
    }
}
