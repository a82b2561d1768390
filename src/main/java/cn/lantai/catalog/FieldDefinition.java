package cn.lantai.catalog;

import java.util.List;

/**
 * An extra description field that an administrator defines for a category, without code: for the marriage-register
 * category 男方姓名, 女方姓名, 登记日期, 结婚证字号; for photographs 摄影者, 地点, 人物.
 *
 * @param key        the name in the API and the search index ({@code groomName}); letters, digits and underscores
 * @param label      the Chinese name and catalogue column header (男方姓名)
 * @param type       how values are read and checked
 * @param maxLength  longest value accepted, in characters (200 when not given)
 * @param mandatory  whether every entry of the category must carry it (not when not given)
 * @param vocabulary the allowed values of a {@link Type#CHOICE} field
 */
public record FieldDefinition(String key, String label, Type type, Integer maxLength, Boolean mandatory,
        List<String> vocabulary) {

    public enum Type { TEXT, NUMBER, DATE, CHOICE }

    public FieldDefinition {
        vocabulary = vocabulary == null ? List.of() : List.copyOf(vocabulary);
        if (maxLength == null || maxLength <= 0) {
            maxLength = 200;
        }
        mandatory = Boolean.TRUE.equals(mandatory);
    }
}
