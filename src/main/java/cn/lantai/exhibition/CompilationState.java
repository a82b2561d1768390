package cn.lantai.exhibition;

/** A compilation project's progress: PLANNED → IN_PROGRESS → FINISHED, or CANCELLED before it finishes. */
public enum CompilationState {
    PLANNED,
    IN_PROGRESS,
    FINISHED,
    CANCELLED
}
