package cn.lantai.identity;

/** An organisation unit (机构) in the hierarchy; a unit that forms a fonds (立档单位) names its 全宗号. */
public record OrgUnit(String code, String name, String parent, String fonds) {
}
