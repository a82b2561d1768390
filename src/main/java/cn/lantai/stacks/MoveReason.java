package cn.lantai.stacks;

/** Why something is taken out of the stacks (出库事由). */
public enum MoveReason {
    /** 利用: for a reader or a colleague's use. */
    USE,
    /** 数字化. */
    DIGITIZATION,
    /** 修复: repair or conservation. */
    REPAIR,
    /** 展览. */
    EXHIBITION,
    /** 移交: handed over to another archive or unit. */
    TRANSFER,
    /** 其他: said in the note. */
    OTHER
}
