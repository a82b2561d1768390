package cn.lantai.catalog.internal.sheets;

import cn.lantai.catalog.CatalogProblem;

/** The file cannot be read as a catalogue at all; the message key and arguments say why, for people. */
public class UnreadableFile extends CatalogProblem {

    public UnreadableFile(String code, Object... args) {
        super(code, args);
    }
}
