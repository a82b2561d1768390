package cn.lantai.supervision;

/** One attendee of a training session: a name and the unit's code ({@code null} when not from a known unit). */
public record Attendee(String name, String unitCode) {
}
