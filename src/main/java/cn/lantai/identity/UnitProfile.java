package cn.lantai.identity;

/**
 * An organisation unit as accession and supervision see it: its code, name, place, the fonds it forms (全宗号,
 * {@code null} when it forms none) and its contact. The one registry of the district's units is identity's; this is
 * its view with what a transfer needs.
 */
public record UnitProfile(String code, String name, String parent, String fonds, UnitContact contact) {

    /** Whether it forms a fonds of its own (立档单位): the units whose records the archive receives. */
    public boolean formsFonds() {
        return fonds != null;
    }
}
