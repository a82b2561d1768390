package cn.lantai.preservation;

import java.time.Instant;

/**
 * One PREMIS 3 event of a record: what was done ({@code type}, from the PREMIS event type vocabulary), when, by which
 * agent (a person's login or the software, e.g. {@code "Lantai"}, {@code "ClamAV 1.0.7"}), with which outcome
 * ({@link #SUCCESS} or {@link #FAILURE}), a detail in words and, if it concerns one file, that file's name.
 */
public record PreservationEvent(String type, Instant at, String agent, String outcome, String detail, String file) {

    public static final String INGESTION = "ingestion";
    public static final String MESSAGE_DIGEST_CALCULATION = "message digest calculation";
    public static final String VIRUS_CHECK = "virus check";
    public static final String FORMAT_IDENTIFICATION = "format identification";
    public static final String FIXITY_CHECK = "fixity check";
    public static final String MIGRATION = "migration";
    public static final String DELETION = "deletion";
    /** The record's description changed (PREMIS event type "metadata modification"). */
    public static final String METADATA_MODIFICATION = "metadata modification";
    /** A check of the record against rules (the four-properties check of a stored record, DA/T 70 and 92). */
    public static final String VALIDATION = "validation";

    public static final String SUCCESS = "success";
    public static final String FAILURE = "failure";

    public static PreservationEvent success(String type, String agent, String detail, String file) {
        return new PreservationEvent(type, Instant.now(), agent, SUCCESS, detail, file);
    }

    public static PreservationEvent failure(String type, String agent, String detail, String file) {
        return new PreservationEvent(type, Instant.now(), agent, FAILURE, detail, file);
    }

    public boolean succeeded() {
        return SUCCESS.equals(outcome);
    }
}
