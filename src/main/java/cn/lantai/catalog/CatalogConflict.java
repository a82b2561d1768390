package cn.lantai.catalog;

/** The change contradicts the catalogue as it stands (a stale version, an unknown fonds, a duplicate code …). */
public class CatalogConflict extends CatalogProblem {

    public CatalogConflict(String code, Object... args) {
        super(code, args);
    }
}
