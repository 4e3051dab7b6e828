package io.symphainy.runtime.core.session;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Snapshots of long-lived sessions: every execution adds two events to its session, and the intake loads the
 * session for each intent, so a busy session is rebuilt from its latest snapshot instead of from its first event.
 */
@Configuration(proxyBeanMethods = false)
public class SessionSnapshotConfiguration {

    /** The bean name the {@link Session} aggregate refers to. */
    public static final String SESSION_SNAPSHOT_TRIGGER = "sessionSnapshotTrigger";

    @Bean(SESSION_SNAPSHOT_TRIGGER)
    public SnapshotTriggerDefinition sessionSnapshotTrigger(
            Snapshotter snapshotter,
            @Value("${runtime.session.snapshot-every:100}") int eventsBetweenSnapshots) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, eventsBetweenSnapshots);
    }
}
