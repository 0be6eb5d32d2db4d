/**
 * Black-box test support against the real bundle ({@link org.madang.testing.MadangServer}, started once per test
 * JVM on H2 or a fresh PostgreSQL schema), through the public API only ({@link org.madang.testing.Api},
 * {@link org.madang.testing.People}).
 *
 * <h2>Role matrix: one table per feature</h2>
 * <ol>
 *   <li>Write a class implementing {@link org.madang.testing.RoleMatrix.Table} (no-argument constructor) beside the
 *   feature's tests, with one row per resource method: method and path template exactly as JAX-RS declares them,
 *   a request that is valid for the callers who may make it ({@code body(...)} or {@code call(who -> ...)}, made
 *   lazily), and who may call it ({@code permitAll()}, {@code signedIn()}, {@code allow(...)}; {@code expect(status,
 *   ...)} for exact answers).</li>
 *   <li>Run it from an IT: {@code @TestFactory Stream<DynamicNode> matrix() { return RoleMatrix.tests(new MyTable()); }}.
 *   Each {@link org.madang.testing.Who} calls with its own session from {@link org.madang.testing.RoleSessions}
 *   (one person per role per run; don't sign staff in again, their TOTP codes count once).</li>
 *   <li>{@code RoleMatrixCoverageTest} (a unit test, so it fails the build before any server starts) finds every
 *   table and checks that each resource method of the WAR has exactly one row and each row still names one.</li>
 * </ol>
 */
package org.madang.testing;
