package dev.issuecommand.config;

import dev.issuecommand.config.settings.Settings;
import dev.issuecommand.config.settings.SettingsException;
import dev.issuecommand.logging.JsonLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.eclipse.microprofile.config.ConfigProvider;

/** Produces the validated {@link Settings} and the application's {@link Clock}; a bad setting stops start-up. */
@ApplicationScoped
public class SettingsProducer {

    private Settings settings;

    @Produces
    @Singleton
    Settings settings() {
        if (settings == null) {
            var config = ConfigProvider.getConfig(SettingsProducer.class.getClassLoader());
            try {
                settings = Settings.from(name -> config.getOptionalValue(name, String.class).orElse(null));
            } catch (SettingsException e) {
                throw FatalStartup.stop(e.getMessage(), e);
            }
            JsonLog.useFile(settings.logFile());
        }
        return settings;
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
