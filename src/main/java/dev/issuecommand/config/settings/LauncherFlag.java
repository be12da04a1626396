package dev.issuecommand.config.settings;

/**
 * The system property the runnable jar's launcher sets before it starts Liberty, so that server code knows it runs
 * under the launcher: a fatal start-up error then ends the process, and an idle server may end itself.
 */
public final class LauncherFlag {

    static final String PROPERTY = "issuecommand.launcher";

    private LauncherFlag() {
    }

    /** Marks this JVM as started by the launcher. */
    public static void set() {
        System.setProperty(PROPERTY, "true");
    }

    /** True in a JVM the launcher started. */
    public static boolean isSet() {
        return Boolean.getBoolean(PROPERTY);
    }
}
