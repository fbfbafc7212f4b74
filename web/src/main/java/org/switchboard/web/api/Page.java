package org.switchboard.web.api;

import java.util.List;

/** A page of a list the API serves: the total of the whole filtered set, where the page starts, its size, its rows. */
public record Page<T>(long total, int first, int max, List<T> items) {
}
