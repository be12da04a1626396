package dev.issuecommand.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileAnswersTest {

    @Test
    void aListedEtagWeakOrStrongOrAStarMeansTheClientsCopyIsCurrent() {
        assertThat(FileAnswers.isCurrent("\"abc\"", "\"abc\"")).isTrue();
        assertThat(FileAnswers.isCurrent("W/\"abc\"", "\"abc\"")).isTrue();
        assertThat(FileAnswers.isCurrent("\"x\", \"abc\"", "\"abc\"")).isTrue();
        assertThat(FileAnswers.isCurrent("*", "\"abc\"")).isTrue();
        assertThat(FileAnswers.isCurrent(null, "\"abc\"")).isFalse();
        assertThat(FileAnswers.isCurrent("\"abcd\"", "\"abc\"")).isFalse();
        assertThat(FileAnswers.isCurrent("abc", "\"abc\"")).as("an ETag is quoted").isFalse();
    }
}
