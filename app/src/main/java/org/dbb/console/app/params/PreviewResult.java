package org.dbb.console.app.params;

import java.util.List;

/**
 * The preview for one environment: the files to show and a sentence about them. Immutable.
 *
 * @param files   the affected files
 * @param summary what was compared and how many files it found
 */
record PreviewResult(List<PreviewFile> files, String summary) {

    PreviewResult {
        files = List.copyOf(files);
    }
}
