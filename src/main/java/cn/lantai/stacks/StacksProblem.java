package cn.lantai.stacks;

import cn.lantai.shared.Refusal;

/** A refusal of the stacks: its HTTP status and the message key (bundle {@code i18n/stacks}) that says why. */
public class StacksProblem extends Refusal {

    public StacksProblem(int status, String key, Object... arguments) {
        super(status, key, arguments);
    }
}
