package io.symphainy.runtime.core.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
import org.junit.jupiter.api.Test;

class CoordinatorSegmentsTest {

    @Test
    void oneSegmentCoversTheStream() {
        assertThat(CoordinatorSegments.covered(Map.of(0, status(Segment.ROOT_SEGMENT, false)))).isTrue();
    }

    @Test
    void allFourOfFourCoverTheStreamButThreeDoNot() {
        Segment[] four = Segment.splitBalanced(Segment.ROOT_SEGMENT, 3).toArray(new Segment[0]);
        assertThat(four).hasSize(4);
        assertThat(CoordinatorSegments.covered(Map.of(0, status(four[0], false), 1, status(four[1], false),
                2, status(four[2], false), 3, status(four[3], false)))).isTrue();
        assertThat(CoordinatorSegments.covered(Map.of(0, status(four[0], false), 1, status(four[1], false),
                2, status(four[2], false)))).isFalse();
    }

    @Test
    void aSegmentInErrorOrNoSegmentAtAllIsNotCoverage() {
        assertThat(CoordinatorSegments.covered(Map.of(0, status(Segment.ROOT_SEGMENT, true)))).isFalse();
        assertThat(CoordinatorSegments.covered(Map.of())).isFalse();
    }

    private static EventTrackerStatus status(Segment segment, boolean error) {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.getSegment()).thenReturn(segment);
        when(status.isErrorState()).thenReturn(error);
        return status;
    }
}
