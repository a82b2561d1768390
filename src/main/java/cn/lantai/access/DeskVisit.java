package cn.lantai.access;

import java.util.List;

/** A visit as the desk lists it: the visitor (masked), the files and items used, and the pages copied. */
public record DeskVisit(Visit visit, Visitor visitor, List<UsedItem> items, long pagesCopied) {
}
