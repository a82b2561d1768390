package cn.lantai.digitization.internal.ocr;

import cn.lantai.digitization.PageText;
import java.util.List;

/** What an engine read on a page: the text in reading order (lines apart by newlines) and its words with boxes. */
public record Reading(String text, List<PageText.Word> words) {

    public Reading {
        text = text == null ? "" : text;
        words = words == null ? List.of() : List.copyOf(words);
    }

    /** The same reading with boxes scaled by {@code factor} (a page read smaller than the master). */
    public Reading scaled(double factor) {
        if (factor == 1.0) {
            return this;
        }
        return new Reading(text, words.stream().map(w -> new PageText.Word(w.text(), (int) Math.round(w.x() * factor),
                (int) Math.round(w.y() * factor), (int) Math.round(w.width() * factor),
                (int) Math.round(w.height() * factor))).toList());
    }
}
