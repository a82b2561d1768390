package cn.lantai.identity;

/** An organisation unit (机构) in the hierarchy; a unit that forms a fonds (立档单位) names its 全宗号. */
public record OrgUnit(String code, String name, String parent, String fonds) {

    /** A unit's place as the audit trail records it: its parent and its fonds. */
    static String place(String parent, String fonds) {
        return "parent=" + (parent == null ? "" : parent) + " fonds=" + (fonds == null ? "" : fonds);
    }
}
