package cn.lantai.catalog;

import java.util.List;

/**
 * The organisation units that may form a fonds (立档单位), as the module that keeps units (identity) knows them. The
 * catalogue may not depend on that module (it depends on the catalogue), so it asks through this port, which that
 * module implements. Without an implementation a fonds names its unit by code, unchecked.
 */
public interface FormingUnits {

    /** Every unit, by code. */
    List<Unit> units();

    /**
     * One unit.
     *
     * @param fonds the 全宗号 the unit's own record names, or null
     */
    record Unit(String code, String name, String fonds) {
    }
}
