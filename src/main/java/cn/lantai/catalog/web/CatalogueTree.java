package cn.lantai.catalog.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.lantai.catalog.Category;
import cn.lantai.catalog.Holding;

/**
 * The branches of one fonds in the catalogue tree: its categories (门类) with their years (年度) and item counts, as
 * the workbench's tree shows them.
 */
record CatalogueTree(String fonds, List<Branch> categories) {

    /** A category of the fonds, its name, and its years in order. */
    record Branch(String code, String name, long items, List<Holding> years) {
    }

    static CatalogueTree of(String fonds, List<Holding> holdings, List<Category> categories) {
        Map<String, String> names = new LinkedHashMap<>();
        categories.forEach(c -> names.put(c.code(), c.name()));
        Map<String, List<Holding>> byCategory = new LinkedHashMap<>();
        for (Holding h : holdings) {
            byCategory.computeIfAbsent(h.category(), k -> new ArrayList<>()).add(h);
        }
        List<Branch> branches = new ArrayList<>();
        byCategory.forEach((code, years) -> branches.add(new Branch(code, names.getOrDefault(code, code),
                years.stream().mapToLong(Holding::items).sum(), years)));
        return new CatalogueTree(fonds, branches);
    }
}
