package cn.lantai.exhibition;

/** Where an exhibition stands: written and previewed by curators, shown on the portal, or taken down again. */
public enum ExhibitionState {
    /** Being built (草稿): only curators see it, in the preview. */
    DRAFT,
    /** On the portal (已发布) for anyone. */
    PUBLISHED,
    /** Taken down (已撤展): the public gets 404; curators may edit it and publish it again. */
    WITHDRAWN
}
