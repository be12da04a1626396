package dev.issuecommand.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Opens the database as soon as the application starts, so a bad path or corrupt file stops start-up. */
@ApplicationScoped
public class DatabaseStartup {

    @Inject
    Database database;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        database.open();
    }
}
