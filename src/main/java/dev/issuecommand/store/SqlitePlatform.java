package dev.issuecommand.store;

import org.eclipse.persistence.platform.database.DatabasePlatform;
import org.eclipse.persistence.queries.ValueReadQuery;

/** EclipseLink platform for SQLite: no {@code FOR UPDATE} (SQLite locks the whole file), identity via {@code last_insert_rowid()}. */
public class SqlitePlatform extends DatabasePlatform {

    @Override
    public String getSelectForUpdateString() {
        return "";
    }

    @Override
    public boolean supportsIdentity() {
        return true;
    }

    @Override
    public ValueReadQuery buildSelectQueryForIdentity() {
        return new ValueReadQuery("SELECT last_insert_rowid()");
    }

    @Override
    public boolean supportsGlobalTempTables() {
        return false;
    }

    @Override
    public boolean supportsLocalTempTables() {
        return false;
    }
}
