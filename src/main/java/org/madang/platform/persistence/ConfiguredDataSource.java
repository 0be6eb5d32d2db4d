package org.madang.platform.persistence;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The one data source class named in the application's data source definition: it picks PostgreSQL or H2 from the
 * configured JDBC URL, so that switching databases is a matter of configuration ({@code MADANG_DB_URL}) alone.
 * Payara's connection pool creates it and calls the setters with the configured values.
 */
public class ConfiguredDataSource implements DataSource {

    private String url;
    private String user;
    private String password;
    private DataSource delegate;

    public void setUrl(String url) { this.url = url; delegate = null; }
    public String getUrl() { return url; }
    public void setUser(String user) { this.user = user; delegate = null; }
    public String getUser() { return user; }
    public void setPassword(String password) { this.password = password; delegate = null; }
    public String getPassword() { return password; }

    private synchronized DataSource delegate() throws SQLException {
        if (delegate != null) {
            return delegate;
        }
        if (url == null) {
            throw new SQLException("No database URL configured (madang.db.url / MADANG_DB_URL)");
        }
        if (url.startsWith("jdbc:postgresql:")) {
            var pg = new org.postgresql.ds.PGSimpleDataSource();
            pg.setURL(url);
            pg.setUser(user);
            pg.setPassword(password);
            // NULLs of optional UUID references are bound as untyped, so PostgreSQL infers uuid rather than varchar
            pg.setStringType("unspecified");
            delegate = pg;
        } else if (url.startsWith("jdbc:h2:")) {
            var h2 = new org.h2.jdbcx.JdbcDataSource();
            h2.setURL(url);
            h2.setUser(user);
            h2.setPassword(password == null ? "" : password);
            delegate = h2;
        } else {
            throw new SQLException("Unsupported database URL (PostgreSQL or H2 only): " + url.split(":", 3)[1]);
        }
        return delegate;
    }

    @Override public Connection getConnection() throws SQLException { return delegate().getConnection(); }
    @Override public Connection getConnection(String u, String p) throws SQLException { return delegate().getConnection(u, p); }
    @Override public PrintWriter getLogWriter() { return null; }
    @Override public void setLogWriter(PrintWriter out) { }
    @Override public void setLoginTimeout(int seconds) { }
    @Override public int getLoginTimeout() { return 0; }
    @Override public Logger getParentLogger() throws SQLFeatureNotSupportedException { throw new SQLFeatureNotSupportedException(); }
    @Override public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) return iface.cast(this);
        return delegate().unwrap(iface);
    }
    @Override public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || delegate().isWrapperFor(iface);
    }
}
