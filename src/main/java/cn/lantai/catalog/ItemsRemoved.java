package cn.lantai.catalog;

import java.util.List;

/** Items were deleted from the catalogue. */
public record ItemsRemoved(List<ItemId> ids) {
}
