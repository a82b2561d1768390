package cn.lantai.access;

import cn.lantai.catalog.Classification;

/**
 * A routing rule: items of the category (门类代码, null for any) and classification (密级, null for any) go to the
 * approvers holding the role. The most specific matching rule wins.
 */
public record ApprovalRoute(String category, Classification classification, String role) {

    /** How specific the rule is: category and classification 3, category 2, classification 1, catch-all 0. */
    public int specificity() {
        return (category == null ? 0 : 2) + (classification == null ? 0 : 1);
    }

    public boolean matches(String itemCategory, Classification itemClassification) {
        return (category == null || category.equals(itemCategory))
                && (classification == null || classification == itemClassification);
    }
}
