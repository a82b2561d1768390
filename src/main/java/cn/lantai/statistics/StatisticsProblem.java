package cn.lantai.statistics;

/**
 * A refusal of the yearly statistics, with the HTTP status it answers and the message key (bundle
 * {@code i18n/statistics}) that says why, with its arguments.
 */
public class StatisticsProblem extends RuntimeException {

    private final int status;
    private final String key;
    private final transient Object[] arguments;

    public StatisticsProblem(int status, String key, Object... arguments) {
        super(key);
        this.status = status;
        this.key = key;
        this.arguments = arguments.clone();
    }

    public int status() {
        return status;
    }

    public String key() {
        return key;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
