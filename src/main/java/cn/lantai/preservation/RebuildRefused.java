package cn.lantai.preservation;

/**
 * A rebuild of the catalogue from the store was asked over a catalogue that holds fonds, files or items, without
 * being told to replace them: refused, so nothing is ever destroyed unasked.
 */
public class RebuildRefused extends RuntimeException {

    public RebuildRefused() {
        super("the catalogue is not empty: rebuild it from the store only when told to replace it");
    }
}
