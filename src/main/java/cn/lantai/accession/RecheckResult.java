package cn.lantai.accession;

import java.util.List;

/** The four-properties check of one stored record in a run: its id, 档号, result and every check made. */
public record RecheckResult(long recordId, String archivalCode, PropertyCheck.Result result,
        List<PropertyCheck> checks) {
}
