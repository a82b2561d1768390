package cn.lantai.supervision;

import cn.lantai.shared.Refusal;

/** A refusal of supervision: its HTTP status and the message key (bundle {@code i18n/supervision}) that says why. */
public class SupervisionProblem extends Refusal {

    public SupervisionProblem(int status, String key, Object... arguments) {
        super(status, key, arguments);
    }
}
