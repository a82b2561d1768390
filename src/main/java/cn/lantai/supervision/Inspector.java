package cn.lantai.supervision;

/** A member of an inspection team: their name and enforcement card number (执法证号). */
public record Inspector(String name, String cardNumber) {
}
