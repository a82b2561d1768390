package cn.lantai.access;

/**
 * A person as the desk or the portal registers them (利用登记): name, ID document (type and number), phone and work
 * unit, as typed; {@link ReadingRoom} checks and normalises each.
 */
public record NewVisitor(String name, IdType idType, String idNumber, String phone, String unit) {
}
