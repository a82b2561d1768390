package cn.lantai.access.internal.readers;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.lantai.access.IdType;
import cn.lantai.access.PlannedVisit;
import cn.lantai.access.Purpose;
import cn.lantai.access.internal.Visits;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/** The visitors' rows (table {@code access_visitor}): written here, read masked through {@link Visits}. */
@Component
public class Visitors {

    private final JdbcClient jdbc;

    Visitors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A visitor's checked details: the number normalised, its mask and keyed digest. */
    public record Details(String name, IdType idType, String idNumber, String masked, String digest, String phone,
            String unit) {
    }

    /** The visitor whose ID digest this is, unless erased. */
    public Optional<Long> byDigest(String digest) {
        return jdbc.sql("SELECT id FROM access_visitor WHERE id_digest = :d AND erased_at IS NULL")
                .param("d", digest).query(Long.class).optional();
    }

    public long insert(Details d, String via, String by, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO access_visitor (name, id_type, id_number, id_masked, id_digest, phone, unit, registered_via,
                    registered_by, registered_at, last_seen_at)
                VALUES (:name, :type, :number, :masked, :digest, :phone, :unit, :via, :by, :at, :at)""")
                .param("name", d.name()).param("type", d.idType().name()).param("number", d.idNumber())
                .param("masked", d.masked()).param("digest", d.digest()).param("phone", d.phone())
                .param("unit", d.unit()).param("via", via).param("by", by).param("at", Timestamp.from(at))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** The name, phone and unit as given again at the desk (the ID stays: it is what found the visitor). */
    public void update(long id, Details d, Instant at) {
        jdbc.sql("UPDATE access_visitor SET name = :name, phone = :phone, unit = :unit, last_seen_at = :at WHERE id = :id")
                .param("name", d.name()).param("phone", d.phone()).param("unit", d.unit())
                .param("at", Timestamp.from(at)).param("id", id).update();
    }

    public void plan(long id, LocalDate on, Purpose purpose, Instant at) {
        jdbc.sql("""
                UPDATE access_visitor SET planned_on = :on, planned_purpose = :purpose,
                    last_seen_at = CASE WHEN last_seen_at < :at THEN :at ELSE last_seen_at END
                WHERE id = :id""")
                .param("on", Date.valueOf(on)).param("purpose", purpose.name()).param("at", Timestamp.from(at))
                .param("id", id).update();
    }

    public Optional<PlannedVisit> planned(long id) {
        return jdbc.sql("SELECT planned_on, planned_purpose FROM access_visitor WHERE id = :id AND planned_on IS NOT NULL")
                .param("id", id)
                .query((rs, n) -> new PlannedVisit(rs.getDate(1).toLocalDate(), Purpose.valueOf(rs.getString(2))))
                .optional();
    }

    /** A visit began: the retention counts from now, and the plan is done. */
    public void seen(long id, Instant at) {
        jdbc.sql("UPDATE access_visitor SET last_seen_at = :at, planned_on = NULL, planned_purpose = NULL WHERE id = :id")
                .param("at", Timestamp.from(at)).param("id", id).update();
    }

    /** The whole ID number, while it is kept. */
    public Optional<String> idNumber(long id) {
        return jdbc.sql("SELECT id_number FROM access_visitor WHERE id = :id AND erased_at IS NULL")
                .param("id", id).query(String.class).optional();
    }

    /** The visitors seen most recently first. */
    public List<Long> recent(int offset, int limit) {
        return jdbc.sql("SELECT id FROM access_visitor ORDER BY last_seen_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("limit", limit).param("offset", offset).query(Long.class).list();
    }

    /**
     * Clears the personal data of the visitors last seen before the cutoff (name, ID number and its mask and digest,
     * phone, unit): the rows stay, so visits keep their visitor, and the statistics (which hold no personal data) are
     * whole. The digest becomes {@code erased:<id>}, which no number hashes to. The visitor's name on their requests
     * (filed for their visits) is blanked too once no item of the request is pending or granted beyond now: a request
     * still running keeps it for its slip and watermark, and loses it at a later sweep.
     */
    public int erase(Instant cutoff, Instant at) {
        jdbc.sql("""
                UPDATE access_request SET requester_name = ''
                WHERE requester_name <> '' AND visit_id IN (
                    SELECT v.id FROM access_visit v JOIN access_visitor p ON p.id = v.visitor_id
                    WHERE p.last_seen_at < :cutoff OR p.erased_at IS NOT NULL)
                AND NOT EXISTS (SELECT 1 FROM access_request_item i WHERE i.request_id = access_request.id
                    AND (i.state = 'PENDING' OR (i.state = 'APPROVED' AND i.granted_until > :at)))""")
                .param("cutoff", Timestamp.from(cutoff)).param("at", Timestamp.from(at)).update();
        return jdbc.sql("""
                UPDATE access_visitor SET name = '', id_number = NULL, id_masked = '', phone = NULL, unit = NULL,
                    id_digest = CONCAT('erased:', CAST(id AS VARCHAR(20))), planned_on = NULL, planned_purpose = NULL,
                    erased_at = :at
                WHERE last_seen_at < :cutoff AND erased_at IS NULL""")
                .param("cutoff", Timestamp.from(cutoff)).param("at", Timestamp.from(at)).update();
    }
}
