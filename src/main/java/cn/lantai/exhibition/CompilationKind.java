package cn.lantai.exhibition;

/** What a compilation project (编研) produces. */
public enum CompilationKind {
    /** 档案汇编: a collection of records on a subject. */
    COMPILATION,
    /** 大事记: a chronicle of events. */
    CHRONICLE,
    /** 组织机构沿革: the history of the organisations. */
    ORGANISATION_HISTORY,
    /** 专题概要: a summary of a subject. */
    TOPIC_SUMMARY,
    /** 史志: local history and gazetteers. */
    LOCAL_HISTORY
}
