package cn.lantai.accession;

import java.time.LocalDate;

/**
 * A paper-only transfer as the receiving staff record it: the unit, counts of 件 and 卷, boxes, the destination shelf
 * (库房-列-节-层, as written on the shelf list) and the day it was handed over.
 */
public record PaperTransfer(String unit, int items, int volumes, int boxes, String shelf, LocalDate handedOverOn) {
}
