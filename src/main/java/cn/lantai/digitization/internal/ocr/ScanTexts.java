package cn.lantai.digitization.internal.ocr;

import cn.lantai.catalog.ItemId;
import cn.lantai.search.ScannedText;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Gives search the OCR text of entries' pages: one query for a batch of entries. */
@Component
class ScanTexts implements ScannedText {

    private final PageReadings readings;

    ScanTexts(PageReadings readings) {
        this.readings = readings;
    }

    @Override
    public Map<ItemId, List<String>> pageTexts(Collection<ItemId> items) {
        return readings.texts(items);
    }
}
