package cn.lantai.catalog;

/**
 * A fonds (全宗): all records of one creating unit, under a 4-character code.
 *
 * @param code      the 全宗号, first part of every 档号 in it
 * @param name      the fonds's name, usually its creating unit's
 * @param unit      the code of the organisation unit that forms it (立档单位), or null
 * @param startYear first year its records span (起始年度), or null
 * @param endYear   last year its records span (终止年度), or null while the unit still files records
 * @param notes     the registrar's notes, or null
 */
public record Fonds(String code, String name, String unit, Integer startYear, Integer endYear, String notes) {

    /** A fonds known by code and name only, as registered before its unit and years were kept. */
    public Fonds(String code, String name) {
        this(code, name, null, null, null, null);
    }

    /** The same fonds under another code (the API names it in the address). */
    public Fonds withCode(String code) {
        return new Fonds(code, name, unit, startYear, endYear, notes);
    }
}
