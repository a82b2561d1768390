package cn.lantai.shared;

/**
 * Work somebody is waiting for: a person's import, transfer or batch, and the search index catching up with what they
 * changed. Upkeep that nobody waits for (the descriptions the archival store keeps) gives way while any of it is under
 * way, so that on a machine of two cores it does not take the processor from the work that was asked for.
 */
public interface PressingWork {

    /** True while such work is running or queued. */
    boolean underWay();
}
