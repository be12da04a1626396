package dev.issuecommand.github;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinkHeaderTest {

    @Test
    void findsNextAmongGitHubsRelations() {
        String header = "<https://api.github.com/repositories/1/issues?per_page=100&page=2>; rel=\"next\", "
                + "<https://api.github.com/repositories/1/issues?per_page=100&page=5>; rel=\"last\"";
        assertThat(LinkHeader.next(header)).hasValue("https://api.github.com/repositories/1/issues?per_page=100&page=2");
    }

    @Test
    void nextMayComeLastAndUnquoted() {
        String header = "<https://h/api/v3/x?page=1>; rel=\"first\", <https://h/api/v3/x?page=1>; rel=\"prev\", "
                + "<https://h/api/v3/x?page=3>;rel=next";
        assertThat(LinkHeader.next(header)).hasValue("https://h/api/v3/x?page=3");
    }

    @Test
    void aRelationListCountsAndLookalikesDoNot() {
        assertThat(LinkHeader.next("<https://a/x?page=2>; rel=\"next last\"")).hasValue("https://a/x?page=2");
        assertThat(LinkHeader.next("<https://a/x?page=2>; rel=\"nextpage\"")).isEmpty();
    }

    @Test
    void lastPageHasNoNext() {
        assertThat(LinkHeader.next("<https://a/x?page=1>; rel=\"first\", <https://a/x?page=4>; rel=\"prev\"")).isEmpty();
        assertThat(LinkHeader.next(null)).isEmpty();
        assertThat(LinkHeader.next("")).isEmpty();
        assertThat(LinkHeader.next("garbage")).isEmpty();
    }

    @Test
    void commasInsideTheUrlDoNotSplitIt() {
        assertThat(LinkHeader.next("<https://a/x?labels=bug,p0&page=2>; rel=\"next\""))
                .hasValue("https://a/x?labels=bug,p0&page=2");
    }
}
