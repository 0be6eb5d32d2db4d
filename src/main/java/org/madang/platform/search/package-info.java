/**
 * Korean and English full-text search shared by the features: one Lucene index, Nori for Korean morphology and an
 * English analyzer beside it. A feature describes its texts as {@link org.madang.platform.search.SearchDocument}s,
 * keeps them current through {@link org.madang.platform.search.SearchIndex#put} and
 * {@link org.madang.platform.search.SearchIndex#remove}, and offers them all for rebuilds as a CDI
 * {@link org.madang.platform.search.SearchSource}.
 */
package org.madang.platform.search;
