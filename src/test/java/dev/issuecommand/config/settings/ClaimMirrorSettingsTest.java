package dev.issuecommand.config.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClaimMirrorSettingsTest {

    @Test
    void offWithTheDefaultLabelWhenUnset() {
        ClaimMirrorSettings mirror = SettingsTest.parse(Map.of()).claimMirror();
        assertThat(mirror.mode()).isEqualTo(ClaimMirrorSettings.Mode.OFF);
        assertThat(mirror.on()).isFalse();
        assertThat(mirror.label()).isEqualTo("agent-working");
    }

    @ParameterizedTest
    @CsvSource({"off, false, false", "comment, true, false", "LABEL, false, true", " Both , true, true"})
    void eachModeSaysWhatItMirrors(String value, boolean comments, boolean labels) {
        ClaimMirrorSettings.Mode mode = SettingsTest.parse(Map.of("GITHUB_CLAIM_MIRROR", value)).claimMirror().mode();
        assertThat(mode.comments()).isEqualTo(comments);
        assertThat(mode.labels()).isEqualTo(labels);
    }

    @Test
    void aLabelOfOnesOwn() {
        assertThat(SettingsTest.parse(Map.of("GITHUB_CLAIM_LABEL", " bot: busy ")).claimMirror().label())
                .isEqualTo("bot: busy");
    }

    @Test
    void badValuesStopTheStartNamingTheVariable() {
        assertThatThrownBy(() -> SettingsTest.parse(Map.of("GITHUB_CLAIM_MIRROR", "yes")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("GITHUB_CLAIM_MIRROR")
                .hasMessageContaining("off, comment, label, both");
        assertThatThrownBy(() -> SettingsTest.parse(Map.of("GITHUB_CLAIM_LABEL", "a,b")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("GITHUB_CLAIM_LABEL");
        assertThatThrownBy(() -> SettingsTest.parse(Map.of("GITHUB_CLAIM_LABEL", "x".repeat(51))))
                .isInstanceOf(SettingsException.class).hasMessageContaining("GITHUB_CLAIM_LABEL");
    }
}
