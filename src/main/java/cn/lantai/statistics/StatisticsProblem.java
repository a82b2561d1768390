package cn.lantai.statistics;

import cn.lantai.shared.Refusal;

/** A refusal of the yearly statistics: its HTTP status and the message key (bundle {@code i18n/statistics}) that says why. */
public class StatisticsProblem extends Refusal {

    public StatisticsProblem(int status, String key, Object... arguments) {
        super(status, key, arguments);
    }
}
