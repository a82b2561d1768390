package cn.lantai.catalog;

import java.util.List;

/** One page of a listing and the size of the whole selection. */
public record ItemPage(List<Item> items, long total, int page, int size) {
}
