package cn.lantai.access;

/**
 * Why a person uses the archives (利用目的), as the reading room registers it and the statistics count it. The labels
 * live in the bundle under {@code access.purpose.<NAME>}.
 */
public enum Purpose {
    /** 工作查考. */
    WORK,
    /** 学术研究. */
    RESEARCH,
    /** 个人取证. */
    PERSONAL_EVIDENCE,
    /** 编史修志. */
    CHRONICLES,
    /** 其他. */
    OTHER;

    /** The bundle key of the purpose's label. */
    public String labelKey() {
        return "access.purpose." + name();
    }
}
