package cn.lantai.stacks.internal.safety;

/** The eight protections (八防) of the stacks, each with its checklist; named in the bundle under {@link #labelKey}. */
public enum Protection {
    /** 防火. */
    FIRE,
    /** 防盗. */
    THEFT,
    /** 防潮. */
    DAMP,
    /** 防水. */
    WATER,
    /** 防光、防紫外线. */
    LIGHT,
    /** 防尘. */
    DUST,
    /** 防污染. */
    POLLUTION,
    /** 防虫、防霉. */
    PESTS;

    public String labelKey() {
        return "stacks.safety.protection." + name();
    }

    /** The protection so named, or none for a name that is not one. */
    public static Protection of(String name) {
        if (name == null) {
            return null;
        }
        for (Protection p : values()) {
            if (p.name().equals(name.strip())) {
                return p;
            }
        }
        return null;
    }
}
