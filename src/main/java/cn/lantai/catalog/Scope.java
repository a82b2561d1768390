package cn.lantai.catalog;

import java.util.List;
import java.util.Set;

/**
 * The data scope of a person's roles: the areas (fonds × categories) they reach, one per role. A record is in scope
 * when some area covers both its fonds (全宗号) and its category (门类代码); no areas reach nothing.
 */
public record Scope(List<Area> areas) {

    /** Fonds and categories one role reaches; {@code null} for either means all of them. */
    public record Area(Set<String> fonds, Set<String> categories) {

        public Area {
            fonds = fonds == null ? null : Set.copyOf(fonds);
            categories = categories == null ? null : Set.copyOf(categories);
        }

        public boolean covers(String fondsCode, String categoryCode) {
            return (fonds == null || fonds.contains(fondsCode))
                    && (categories == null || categories.contains(categoryCode));
        }

        public boolean unrestricted() {
            return fonds == null && categories == null;
        }
    }

    public static final Scope ALL = new Scope(List.of(new Area(null, null)));

    public Scope {
        areas = List.copyOf(areas);
    }

    public boolean covers(String fondsCode, String categoryCode) {
        return areas.stream().anyMatch(a -> a.covers(fondsCode, categoryCode));
    }

    public boolean unrestricted() {
        return areas.stream().anyMatch(Area::unrestricted);
    }
}
