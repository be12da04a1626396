package dev.issuecommand.config;

import dev.issuecommand.config.settings.DemoSettings;
import dev.issuecommand.config.settings.Settings;
import dev.issuecommand.config.settings.SettingsException;
import dev.issuecommand.logging.JsonLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.function.Function;
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
            Function<String, String> lookup = name -> config.getOptionalValue(name, String.class).orElse(null);
            try {
                settings = Settings.from(lookup);
            } catch (SettingsException e) {
                throw FatalStartup.stop(e.getMessage(), e);
            }
            JsonLog.useFile(settings.logFile());
            if (DemoSettings.declined(lookup)) {
                JsonLog.warn("demo.declined", "message", "DEMO=true is ignored because GITHUB_TOKEN is set: this is "
                        + "not a demo; unset GITHUB_TOKEN or start with --demo for one");
            }
        }
        return settings;
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
