package cn.lantai.exhibition;

import cn.lantai.shared.Refusal;

/** A refusal of the exhibition module: its HTTP status and the message key (bundle {@code i18n/exhibition}) that says why. */
public class ExhibitionProblem extends Refusal {

    public ExhibitionProblem(int status, String key, Object... arguments) {
        super(status, key, arguments);
    }
}
