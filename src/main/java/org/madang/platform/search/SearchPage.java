package org.madang.platform.search;

import java.util.List;

/** One page of hits and the number of all documents that matched. */
public record SearchPage(long total, List<SearchHit> hits) {
}
