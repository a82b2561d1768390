package cn.lantai.search;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.lantai.catalog.Classification;
import cn.lantai.catalog.OpenStatus;
import cn.lantai.catalog.Viewer;
import cn.lantai.search.SearchQuery.Sort;

/** Viewers, search documents with plain defaults, and searches, for the search contract. */
final class SearchFixtures {

    /** Sees everything: 绝密 clearance and unopened records. */
    static final Viewer ARCHIVIST = Viewer.staff("archivist", Classification.TOP_SECRET, true);
    /** 秘密 clearance, may see unopened records. */
    static final Viewer CONFIDENTIAL_STAFF = Viewer.staff("staff", Classification.CONFIDENTIAL, true);
    /** A member of the public: open, unclassified records only. */
    static final Viewer PUBLIC = Viewer.publicUser("visitor");

    private SearchFixtures() {
    }

    static D doc(String id) {
        return new D(id);
    }

    static Q q(String text) {
        return new Q(text);
    }

    /** A search document with plain defaults: open, unclassified, fonds F1, category WS, year 2000. */
    static final class D {
        private final String id;
        private String code;
        private String title = "文书档案";
        private String fonds = "F1";
        private String category = "WS";
        private int year = 2000;
        private String retention = "永久";
        private Classification classification = Classification.NONE;
        private OpenStatus openStatus = OpenStatus.OPEN;
        private LocalDate date = LocalDate.of(2000, 6, 1);
        private String text;
        private String fullText;
        private Map<String, String> extra = new HashMap<>();
        private String creator = "县档案馆";
        private String docNumber;
        private List<String> scanPages = List.of();

        D(String id) {
            this.id = id;
            this.code = "J001-" + id;
        }

        D code(String v) { code = v; return this; }
        D title(String v) { title = v; return this; }
        D fonds(String v) { fonds = v; return this; }
        D category(String v) { category = v; return this; }
        D year(int v) { year = v; return this; }
        D retention(String v) { retention = v; return this; }
        D classification(Classification v) { classification = v; return this; }
        D openStatus(OpenStatus v) { openStatus = v; return this; }
        D date(LocalDate v) { date = v; return this; }
        D text(String v) { text = v; return this; }
        D fullText(String v) { fullText = v; return this; }
        D extra(Map<String, String> v) { extra = v; return this; }
        D creator(String v) { creator = v; return this; }
        D docNumber(String v) { docNumber = v; return this; }
        D scanPages(String... v) { scanPages = List.of(v); return this; }

        SearchDocument build() {
            return new SearchDocument(id, code, title, fonds, category, year, retention, classification, openStatus,
                    date, creator, text, fullText, extra, docNumber, scanPages);
        }
    }

    /** A search, by default for the archivist (who sees everything), relevance order, first page of 20. */
    static final class Q {
        private final String text;
        private String fonds;
        private String category;
        private Integer yearFrom;
        private Integer yearTo;
        private String retention;
        private Classification classification;
        private OpenStatus openStatus;
        private Map<String, String> extra = Map.of();
        private FieldCriteria fields = FieldCriteria.NONE;
        private Sort sort = Sort.RELEVANCE;
        private int page;
        private int size = 20;
        private Viewer viewer = ARCHIVIST;

        Q(String text) {
            this.text = text;
        }

        Q fonds(String v) { fonds = v; return this; }
        Q category(String v) { category = v; return this; }
        Q years(Integer from, Integer to) { yearFrom = from; yearTo = to; return this; }
        Q retention(String v) { retention = v; return this; }
        Q classification(Classification v) { classification = v; return this; }
        Q openStatus(OpenStatus v) { openStatus = v; return this; }
        Q extra(Map<String, String> v) { extra = v; return this; }
        Q fields(FieldCriteria v) { fields = v; return this; }
        Q sort(Sort v) { sort = v; return this; }
        Q page(int p, int s) { page = p; size = s; return this; }
        Q viewer(Viewer v) { viewer = v; return this; }

        SearchQuery build() {
            return new SearchQuery(text, fonds, category, yearFrom, yearTo, retention, classification, openStatus,
                    extra, fields, sort, page, size, viewer);
        }
    }
}
