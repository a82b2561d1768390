package cn.lantai.identity;

import java.util.Optional;

import cn.lantai.catalog.CatalogRight;

/** A function right that roles grant. Catalogue rights have the names of {@link CatalogRight}. */
public enum Right {
    CATALOG_EDIT, CATALOG_IMPORT, CATALOG_EXPORT, CATALOG_DEFINE,
    /** 接收: take in units' transfers. */
    RECEIVE,
    /** 数字化. */
    DIGITIZE,
    /** 鉴定: opening and destruction appraisal. */
    APPRAISE,
    /** 利用: register readers, serve requests. */
    SERVE_READERS,
    /** 利用审批: approve or refuse requests for controlled records. */
    APPROVE_USE,
    /** 库房: locations, out/in log, climate. */
    MANAGE_STACKS,
    /** 执法: inspections of units. */
    INSPECT,
    /** 立档单位: prepare the unit's transfers. */
    PREPARE_TRANSFER,
    /** 编研展览: build online exhibitions from open records, keep the compilation projects. */
    CURATE,
    /** 统计: read the bureau's yearly statistics and the director's dashboard. */
    READ_STATISTICS;

    public Optional<CatalogRight> catalogRight() {
        for (CatalogRight r : CatalogRight.values()) {
            if (r.name().equals(name())) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
