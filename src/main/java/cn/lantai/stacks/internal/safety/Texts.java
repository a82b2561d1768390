package cn.lantai.stacks.internal.safety;

import cn.lantai.stacks.StacksProblem;

/** What the safety ledger keeps of a text typed by people: stripped, bounded, without control characters. */
final class Texts {

    private Texts() {
    }

    /** The text stripped; refused (422, the key with the limit) when blank, too long or with control characters. */
    static String required(String value, int max, String key) {
        String v = optional(value, max, key);
        if (v == null) {
            throw new StacksProblem(422, key, max);
        }
        return v;
    }

    /** The text stripped, or none when blank; refused (422, the key with the limit) when too long or unprintable. */
    static String optional(String value, int max, String key) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max || v.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r'
                && c != '\t')) {
            throw new StacksProblem(422, key, max);
        }
        return v;
    }
}
