package storeops.traffic.service;

import java.util.List;

/** The answer to a batch: how many events were stored, were already there, or were refused (and why). */
public record IngestResult(int accepted, int duplicates, int rejected, List<Rejection> rejections) {
}
