package cn.lantai.supervision;

import java.math.BigDecimal;
import java.util.List;

/**
 * A unit's archive work as the bureau oversees it: the person in charge (分管负责人), its archivists (档案员), its
 * archive room (档案室: area in m², location, equipment) and its holdings as the unit reports them (卷, 件). Parts
 * not given are {@code null}; holdings are 0 until reported.
 */
public record UnitWork(String personInCharge, List<UnitArchivist> archivists, BigDecimal roomArea,
        String roomLocation, String roomEquipment, int reportedVolumes, int reportedItems) {

    /** Nothing known yet. */
    public static final UnitWork NONE = new UnitWork(null, List.of(), null, null, null, 0, 0);

    public UnitWork {
        archivists = archivists == null ? List.of() : List.copyOf(archivists);
    }

    /** As the audit trail records it. */
    public String described() {
        return "personInCharge=" + text(personInCharge) + " archivists=" + archivists.stream()
                .map(a -> a.name() + "/" + text(a.phone())).toList() + " room=" + text(roomArea) + "m2 "
                + text(roomLocation) + " equipment=" + text(roomEquipment) + " holdings=" + reportedVolumes + "卷/"
                + reportedItems + "件";
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }
}
