package dev.issuecommand.config;

import dev.issuecommand.config.settings.DotEnvFile;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/** MicroProfile Config source for the working directory's {@code .env}: below environment variables (300), above defaults. */
public class DotEnvConfigSource implements ConfigSource {

    private static final int ORDINAL = 250;
    private final Map<String, String> values = DotEnvFile.inWorkingDirectory();

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return values.get(propertyName);
    }

    @Override
    public String getName() {
        return "dotenv";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
