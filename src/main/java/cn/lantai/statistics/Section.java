package cn.lantai.statistics;

import java.util.List;

/** A section of the yearly report (馆藏, 利用, 库房 …): its key, the message key of its title, and its figures. */
public record Section(String key, String title, List<Figure> figures) {

    public Section {
        figures = List.copyOf(figures);
    }
}
