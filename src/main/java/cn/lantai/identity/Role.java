package cn.lantai.identity;

import java.util.Set;

/**
 * A role of the archive's work: the rights it grants and its data scope. {@code seesUnopened}: whether it covers
 * records not open to the public; {@code ownUnitOnly}: it reaches only the fonds of the holder's own organisation unit
 * (立档单位档案员); {@code fonds}/{@code categories}: the fonds and categories it reaches, empty for all.
 */
public record Role(String code, String name, boolean seesUnopened, boolean ownUnitOnly, boolean builtIn,
        Set<Right> rights, Set<String> fonds, Set<String> categories) {

    public Role {
        rights = rights == null ? Set.of() : Set.copyOf(rights);
        fonds = fonds == null ? Set.of() : Set.copyOf(fonds);
        categories = categories == null ? Set.of() : Set.copyOf(categories);
    }
}
