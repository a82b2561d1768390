package cn.lantai.catalog;

import java.util.List;

/** Items were created or changed (published after the transaction that wrote them commits). */
public record ItemsChanged(List<ItemId> ids) {
}
