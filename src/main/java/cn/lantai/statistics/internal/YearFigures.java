package cn.lantai.statistics.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.lantai.access.UseFigures;
import cn.lantai.access.UseStatistics;
import cn.lantai.accession.Transfers;
import cn.lantai.accession.TransfersReceived;
import cn.lantai.catalog.CatalogFigures;
import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Category;
import cn.lantai.catalog.Retention;
import cn.lantai.digitization.ScannedPages;
import cn.lantai.exhibition.ExhibitionYear;
import cn.lantai.exhibition.Exhibitions;
import cn.lantai.stacks.Climate;
import cn.lantai.stacks.ClimateYear;
import cn.lantai.stacks.Locations;
import cn.lantai.stacks.LocationsYear;
import cn.lantai.stacks.ProtectionYear;
import cn.lantai.stacks.Protections;
import cn.lantai.supervision.InspectionYear;
import cn.lantai.supervision.Inspections;
import cn.lantai.supervision.OutreachYear;
import cn.lantai.supervision.UnitSupervision;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * One year's figures of the yearly report, gathered from the modules that keep them, section by section in the
 * report's order. The year runs by the archive's calendar ({@code lantai.archive-zone}); holdings are those at the
 * year's end. Every category and retention is listed, with 0 where none is held, so the report keeps its shape.
 */
@Component
public class YearFigures {

    /**
     * One figure of one year: its key, the message key of its label and the label's argument (resolved in the
     * reader's language: a retention's or grade's own message, a category's name as given), the value.
     */
    public record Raw(String key, String label, MessageSourceResolvable argument, BigDecimal value) {
    }

    /** The sections' keys, in the report's order. */
    public static final List<String> SECTIONS = List.of("holdings", "holdingsByCategory", "holdingsByRetention",
            "digitization", "opening", "use", "accession", "exhibitions", "inspections", "outreach", "stacks");

    private final CatalogFigures catalog;
    private final CatalogManagement categories;
    private final ScannedPages pages;
    private final UseStatistics use;
    private final Transfers transfers;
    private final Exhibitions exhibitions;
    private final Inspections inspections;
    private final UnitSupervision units;
    private final Locations locations;
    private final Climate climate;
    private final Protections protections;
    private final ZoneId zone;

    YearFigures(CatalogFigures catalog, CatalogManagement categories, ScannedPages pages, UseStatistics use,
            Transfers transfers, Exhibitions exhibitions, Inspections inspections, UnitSupervision units,
            Locations locations, Climate climate, Protections protections,
            @Value("${lantai.archive-zone:Asia/Shanghai}") ZoneId zone) {
        this.catalog = catalog;
        this.categories = categories;
        this.pages = pages;
        this.use = use;
        this.transfers = transfers;
        this.exhibitions = exhibitions;
        this.inspections = inspections;
        this.units = units;
        this.locations = locations;
        this.climate = climate;
        this.protections = protections;
        this.zone = zone;
    }

    /** The first instant of the year's 1 January in the archive's zone. */
    public Instant startOf(int year) {
        return LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant();
    }

    /** The year's figures by section key; a year before {@link UseStatistics#FIRST_YEAR} counts no use. */
    public Map<String, List<Raw>> of(int year) {
        Instant from = startOf(year);
        Instant to = startOf(year + 1);
        Map<String, List<Raw>> sections = new LinkedHashMap<>();
        holdings(to, sections);
        sections.put("digitization", List.of(raw("digitization", "pagesDigitized", pages.attachedBetween(from, to))));
        sections.put("opening", List.of(raw("opening", "recordsOpened", catalog.openedBetween(from, to))));
        UseFigures.Row u = year >= UseStatistics.FIRST_YEAR ? use.year(year).total()
                : new UseFigures.Row("", 0, 0, 0, 0, 0, 0, 0);
        sections.put("use", List.of(raw("use", "personsServed", u.visits()), raw("use", "volumesUsed", u.volumesUsed()),
                raw("use", "itemsUsed", u.itemsUsed()), raw("use", "pagesCopied", u.pagesCopied()),
                raw("use", "downloads", u.downloads()), raw("use", "prints", u.prints()),
                raw("use", "certificates", u.certificates())));
        TransfersReceived t = transfers.receivedBetween(from, to);
        sections.put("accession", List.of(raw("accession", "transfers", t.transfers()),
                raw("accession", "transferredVolumes", t.volumes()), raw("accession", "transferredItems", t.items())));
        ExhibitionYear e = exhibitions.year(year);
        sections.put("exhibitions", List.of(raw("exhibitions", "exhibitionsPublished", e.exhibitionsPublished()),
                raw("exhibitions", "visitors", e.visitors()),
                raw("exhibitions", "compilationsFinished", e.compilationsFinished()),
                raw("exhibitions", "compilationTitles", e.compilationTitles()),
                new Raw("compilationWanChars", "statistics.figure.exhibitions.compilationWanChars", null,
                        e.compilationWanChars())));
        InspectionYear i = inspections.year(year);
        sections.put("inspections", List.of(raw("inspections", "inspections", i.inspections()),
                raw("inspections", "rectificationNotices", i.rectificationNotices()),
                raw("inspections", "rectificationItems", i.rectificationItems()),
                raw("inspections", "rectificationsClosed", i.rectificationsClosed()),
                raw("inspections", "rectificationsOverdue", i.rectificationsOverdue()),
                raw("inspections", "resultsPublished", i.resultsPublished()),
                raw("inspections", "followUps", i.followUps())));
        sections.put("outreach", outreach(units.year(year)));
        LocationsYear l = locations.year(year);
        ClimateYear c = climate.year(year);
        ProtectionYear p = protections.year(year);
        sections.put("stacks", List.of(raw("stacks", "takenOut", l.takenOut()), raw("stacks", "returned", l.returned()),
                raw("stacks", "returnedLate", l.returnedLate()), raw("stacks", "stillOut", l.stillOut()),
                raw("stacks", "readings", c.readings()), raw("stacks", "outOfRange", c.outOfRange()),
                raw("stacks", "swings", c.swings()), raw("stacks", "thinDays", c.thinDays()),
                raw("stacks", "safetyChecks", p.safetyChecks()), raw("stacks", "findings", p.findings()),
                raw("stacks", "findingsClosed", p.findingsClosed()),
                raw("stacks", "repellentChanges", p.repellentChanges()), raw("stacks", "incidents", p.incidents())));
        return sections;
    }

    /** The use of the year month by month (the dashboard's chart). */
    public List<UseFigures.Row> useByMonth(int year) {
        return year >= UseStatistics.FIRST_YEAR ? use.year(year).rows() : List.of();
    }

    /** Holdings at the end (卷 and 件): in all, by category (every category defined), by retention (every one). */
    private void holdings(Instant end, Map<String, List<Raw>> sections) {
        Map<String, long[]> byCategory = new TreeMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Category c : categories.categories()) {
            byCategory.put(c.code(), new long[2]);
            names.put(c.code(), c.name());
        }
        Map<Retention, long[]> byRetention = new LinkedHashMap<>();
        for (Retention r : Retention.values()) {
            byRetention.put(r, new long[2]);
        }
        long volumes = 0;
        long items = 0;
        for (CatalogFigures.Held h : catalog.heldBefore(end)) {
            long[] c = byCategory.computeIfAbsent(h.category(), k -> new long[2]);
            long[] r = byRetention.get(h.retention());
            c[0] += h.volumes();
            c[1] += h.items();
            r[0] += h.volumes();
            r[1] += h.items();
            volumes += h.volumes();
            items += h.items();
        }
        sections.put("holdings", List.of(raw("holdings", "volumes", volumes), raw("holdings", "items", items)));
        List<Raw> category = new ArrayList<>();
        byCategory.forEach((code, n) -> {
            String name = code + " " + names.getOrDefault(code, "");
            MessageSourceResolvable named = new DefaultMessageSourceResolvable(null, name.strip());
            category.add(new Raw("volumes." + code, "statistics.figure.holdingsByCategory.volumes", named,
                    BigDecimal.valueOf(n[0])));
            category.add(new Raw("items." + code, "statistics.figure.holdingsByCategory.items", named,
                    BigDecimal.valueOf(n[1])));
        });
        sections.put("holdingsByCategory", category);
        List<Raw> retention = new ArrayList<>();
        byRetention.forEach((r, n) -> {
            MessageSourceResolvable named = new DefaultMessageSourceResolvable(
                    new String[] {"statistics.retention." + r.code()}, r.label());
            retention.add(new Raw("volumes." + r.code(), "statistics.figure.holdingsByRetention.volumes", named,
                    BigDecimal.valueOf(n[0])));
            retention.add(new Raw("items." + r.code(), "statistics.figure.holdingsByRetention.items", named,
                    BigDecimal.valueOf(n[1])));
        });
        sections.put("holdingsByRetention", retention);
    }

    /**
     * Guidance, training, publicity, and the units at each grade (one figure per grade, by its code; labelled by
     * supervision's own name of the grade, {@code supervision.grade.<code>}).
     */
    private static List<Raw> outreach(OutreachYear o) {
        List<Raw> figures = new ArrayList<>(List.of(raw("outreach", "guidanceVisits", o.guidanceVisits()),
                raw("outreach", "trainings", o.trainings()), raw("outreach", "trainees", o.trainees()),
                raw("outreach", "publicityEvents", o.publicityEvents())));
        new TreeMap<>(o.unitsByGrade()).forEach((grade, n) -> figures.add(new Raw("unitsAtGrade." + grade,
                "statistics.figure.outreach.unitsAtGrade", new DefaultMessageSourceResolvable(
                        new String[] {"supervision.grade." + grade}, grade), BigDecimal.valueOf(n))));
        return figures;
    }

    private static Raw raw(String section, String key, long value) {
        return new Raw(key, "statistics.figure." + section + "." + key, null, BigDecimal.valueOf(value));
    }
}
