package dev.issuecommand.it.support;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The Arquillian deployment: the built WAR plus the test classes, able to host Arquillian's servlet runner. */
public final class ArquillianDeployments {

    private ArquillianDeployments() {
    }

    /**
     * The WAR's web.xml has an empty absolute ordering, which would also keep out the web fragment that registers
     * Arquillian's test runner servlet: the test archive goes without it.
     */
    public static WebArchive warWith(Class<?>... testClasses) {
        WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/issuecommand.war"));
        war.delete("/WEB-INF/web.xml");
        return war.addClasses(testClasses);
    }
}
