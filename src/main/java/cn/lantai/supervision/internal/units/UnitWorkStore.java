package cn.lantai.supervision.internal.units;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import cn.lantai.supervision.UnitArchivist;
import cn.lantai.supervision.UnitWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What supervision keeps of each unit's archive work (tables {@code supervision_unit}, {@code _unit_archivist}). */
@Repository
public class UnitWorkStore {

    private final JdbcClient jdbc;

    UnitWorkStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<UnitWork> find(String unitCode) {
        return all(List.of(unitCode)).values().stream().findFirst();
    }

    /** The archive work of these units, by code (units without any left out). */
    public Map<String, UnitWork> all(List<String> unitCodes) {
        if (unitCodes.isEmpty()) {
            return Map.of();
        }
        Map<String, List<UnitArchivist>> archivists = jdbc.sql("SELECT unit_code, name, phone FROM "
                        + "supervision_unit_archivist WHERE unit_code IN (:codes) ORDER BY unit_code, position")
                .param("codes", unitCodes)
                .query((rs, n) -> Map.entry(rs.getString(1), new UnitArchivist(rs.getString(2), rs.getString(3))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return jdbc.sql("SELECT unit_code, person_in_charge, room_area, room_location, room_equipment, "
                        + "reported_volumes, reported_items FROM supervision_unit WHERE unit_code IN (:codes)")
                .param("codes", unitCodes)
                .query((rs, n) -> Map.entry(rs.getString(1), new UnitWork(rs.getString(2),
                        archivists.getOrDefault(rs.getString(1), List.of()), rs.getBigDecimal(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6), rs.getInt(7))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Keeps the unit's archive work, replacing what was kept. */
    public void save(String unitCode, UnitWork work) {
        jdbc.sql("DELETE FROM supervision_unit_archivist WHERE unit_code = ?").param(unitCode).update();
        int updated = jdbc.sql("UPDATE supervision_unit SET person_in_charge = ?, room_area = ?, room_location = ?, "
                        + "room_equipment = ?, reported_volumes = ?, reported_items = ?, "
                        + "updated_at = CURRENT_TIMESTAMP WHERE unit_code = ?")
                .params(work.personInCharge(), work.roomArea(), work.roomLocation(), work.roomEquipment(),
                        work.reportedVolumes(), work.reportedItems(), unitCode)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO supervision_unit (unit_code, person_in_charge, room_area, room_location, "
                            + "room_equipment, reported_volumes, reported_items, updated_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)")
                    .params(unitCode, work.personInCharge(), work.roomArea(), work.roomLocation(),
                            work.roomEquipment(), work.reportedVolumes(), work.reportedItems())
                    .update();
        }
        int position = 0;
        for (UnitArchivist a : work.archivists()) {
            jdbc.sql("INSERT INTO supervision_unit_archivist (unit_code, position, name, phone) VALUES (?, ?, ?, ?)")
                    .params(unitCode, position++, a.name(), a.phone())
                    .update();
        }
    }
}
