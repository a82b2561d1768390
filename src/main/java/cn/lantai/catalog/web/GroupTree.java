package cn.lantai.catalog.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.lantai.catalog.GroupHolding;
import cn.lantai.catalog.Retention;

/**
 * The catalogue tree below a year (年度): its retentions (保管期限), their organisation codes (机构(问题), empty when
 * none), and the files (案卷) of the groups arranged in files, each with the number of items the viewer may see.
 */
record GroupTree(String fonds, String category, int year, List<RetentionNode> retentions) {

    record RetentionNode(Retention retention, long items, List<OrgNode> orgs) {
    }

    /** An organisation code's group; {@code volumes} is empty when its items are loose (件). */
    record OrgNode(String org, long items, List<GroupHolding> volumes) {
    }

    static GroupTree of(String fonds, String category, int year, List<GroupHolding> holdings) {
        Map<Retention, Map<String, List<GroupHolding>>> grouped = new LinkedHashMap<>();
        for (GroupHolding h : holdings) {
            grouped.computeIfAbsent(h.retention(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(h.org(), k -> new ArrayList<>()).add(h);
        }
        List<RetentionNode> retentions = new ArrayList<>();
        grouped.forEach((retention, orgs) -> {
            List<OrgNode> nodes = new ArrayList<>();
            orgs.forEach((org, leaves) -> nodes.add(new OrgNode(org, leaves.stream().mapToLong(GroupHolding::items).sum(),
                    leaves.stream().filter(l -> l.volume() != null).toList())));
            retentions.add(new RetentionNode(retention, nodes.stream().mapToLong(OrgNode::items).sum(), nodes));
        });
        return new GroupTree(fonds, category, year, retentions);
    }

    /** The address of a node below the year: a retention, an org code in it (or null), a file in that (or null). */
    public String href(Retention retention, String org, Integer volume) {
        return CataloguePages.node(fonds, category, year, retention, org, volume);
    }

    /** Whether the group of the retention and org code is arranged in files (卷). */
    boolean inFiles(Retention retention, String org) {
        return retentions.stream().filter(r -> r.retention() == retention).flatMap(r -> r.orgs().stream())
                .anyMatch(o -> o.org().equals(org) && !o.volumes().isEmpty());
    }
}
