package cn.lantai.supervision;

/** A publicity event's occasion: 6·9 International Archives Day, 12·4 Constitution Day, or another. */
public enum PublicityKind {
    INTERNATIONAL_ARCHIVES_DAY, CONSTITUTION_DAY, OTHER
}
