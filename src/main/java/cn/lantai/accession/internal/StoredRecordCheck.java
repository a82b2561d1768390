package cn.lantai.accession.internal;

import java.util.List;

import cn.lantai.accession.CheckedRecord;
import cn.lantai.accession.CheckedRecord.Origin;
import cn.lantai.accession.CheckedRecord.RecordFile;
import cn.lantai.accession.FourPropertiesCheck;
import cn.lantai.accession.FourPropertiesReport;
import cn.lantai.accession.PropertyCheck;
import cn.lantai.accession.PropertyCheck.Property;
import cn.lantai.accession.PropertyCheck.Result;
import cn.lantai.catalog.EntryInput;
import cn.lantai.catalog.ItemId;
import cn.lantai.preservation.ArchivalStore;
import cn.lantai.preservation.StoredRecord;
import org.springframework.stereotype.Component;

/**
 * The four-properties check of one record the archival store holds (DA/T 70-2018, again at least yearly as DA/T 92
 * asks): integrity (each listed file present, SHA-256 and SM3 as stored, mandatory description), usability (opens,
 * archival format), security (ClamAV; no scanner is a failure, never a pass), authenticity (the stored description by
 * the catalogue's rules). Files are read where the store keeps them and never moved: an infected one is reported.
 */
@Component
public class StoredRecordCheck {

    private final ArchivalStore store;
    private final FourPropertiesCheck check;

    StoredRecordCheck(ArchivalStore store, FourPropertiesCheck check) {
        this.store = store;
        this.check = check;
    }

    /** The record's 档号 as stored (its id when it has none) and its report. */
    public record Outcome(String archivalCode, FourPropertiesReport report) {
    }

    public Outcome check(ItemId id) {
        StoredRecord record = store.record(id).orElse(null);
        if (record == null) {
            return new Outcome("item:" + id.value(), new FourPropertiesReport(List.of(new PropertyCheck(
                    Property.INTEGRITY, "INTEG-MISSING", Result.FAIL, "item:" + id.value(), ArchivalStore.DESCRIPTION,
                    "保存库中没有该记录的著录信息"))));
        }
        String label = record.archivalCode() == null ? "item:" + id.value() : record.archivalCode();
        List<RecordFile> files = store.files(id).stream().map(f -> new RecordFile(f.name(),
                store.location(id, f.name()).orElse(null), f.sha256(), f.sm3(), f.size())).toList();
        EntryInput entry = new EntryInput(null, record.fields(), record.extra());
        return new Outcome(label, check.check(new CheckedRecord(label, entry, files, Origin.STORE)));
    }
}
