package cn.lantai.identity.internal;

import java.util.List;

import cn.lantai.catalog.FormingUnits;
import org.springframework.stereotype.Component;

/** Tells the catalogue which organisation units may form a fonds (立档单位): every unit of the directory. */
@Component
class UnitsFormingFonds implements FormingUnits {

    private final Directory directory;

    UnitsFormingFonds(Directory directory) {
        this.directory = directory;
    }

    @Override
    public List<Unit> units() {
        return directory.units().stream().map(u -> new Unit(u.code(), u.name(), u.fonds())).toList();
    }
}
