package cn.lantai.stacks;

/** What the stacks keep in a place and take out: a 件 (the catalogue's item), a 卷 (its file) or a box (档案盒). */
public enum Kept {
    ITEM,
    VOLUME,
    BOX
}
