package cn.lantai.access;

import java.time.Instant;

/**
 * A person registered to use the archives, as lists and other parts of the module see them: the ID number and phone
 * only masked ({@code 3201********1234}). Once the retention ran out the personal data is erased ({@code erased}) and
 * the name reads as erased.
 */
public record Visitor(long id, String name, IdType idType, String maskedId, String maskedPhone, String unit,
        Instant registeredAt, boolean erased) {
}
