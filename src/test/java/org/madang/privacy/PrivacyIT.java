package org.madang.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.madang.election.ElectionDriver;
import org.madang.testing.Api;
import org.madang.testing.Api.Reply;
import org.madang.testing.Api.Session;
import org.madang.testing.MadangServer;
import org.madang.testing.People;
import org.madang.testing.RoleSessions;
import org.madang.testing.SearchWords;
import org.madang.testing.Who;

/** The citizen's rights end to end: consent, who read my data, export, erasure; and the log's tamper evidence. */
class PrivacyIT {

    private static final String PURPOSE = "X-Access-Purpose";

    @Test
    void withdrawingConsentCountsAtOnceForEveryFeatureThatAsks() {
        var citizen = People.citizen().session();
        assertThat(citizen.get("/api/privacy/me/consents/POLL_DEMOGRAPHICS").json().getBoolean("granted")).isFalse();
        int version = citizen.get("/api/privacy/consent-texts").array().getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("purpose").equals("POLL_DEMOGRAPHICS")).findFirst().orElseThrow().getInt("version");
        var granted = citizen.put("/api/privacy/me/consents/POLL_DEMOGRAPHICS", Api.json("version", version));
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        assertThat(citizen.get("/api/privacy/me/consents/POLL_DEMOGRAPHICS").json().getBoolean("granted")).isTrue();
        assertThat(citizen.get("/api/privacy/me/consents/EMAIL_DIGEST").json().getBoolean("granted")).isFalse();

        var withdrawn = citizen.delete("/api/privacy/me/consents/POLL_DEMOGRAPHICS");
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        // the very next question (Consents.hasConsent, as polls ask it) sees the withdrawal
        assertThat(citizen.get("/api/privacy/me/consents/POLL_DEMOGRAPHICS").json().getBoolean("granted")).isFalse();

        // the ledger keeps both events, with the text version, in the export
        var ledger = citizen.get("/api/privacy/me/export").json().getJsonObject("sections").getJsonObject("privacy").getJsonArray("consents");
        assertThat(ledger).hasSize(2);
        assertThat(ledger.getJsonObject(0).getBoolean("granted")).isTrue();
        assertThat(ledger.getJsonObject(1).getBoolean("granted")).isFalse();
        assertThat(ledger.getJsonObject(1).getInt("textVersion")).isEqualTo(version);
    }

    @Test
    void aStaffReadShowsInTheCitizensAccessLogWithItsPurposeAndAReadWithoutPurposeIsRefused() {
        var citizen = People.citizen();
        var registrar = RoleSessions.session(Who.REGISTRAR);
        String search = "/api/admin/users?q=" + URLEncoder.encode(citizen.email(), StandardCharsets.UTF_8) + "&limit=1";

        var refused = registrar.get(search);
        problem(refused, 400);
        assertThat(refused.body()).contains(PURPOSE);
        problem(registrar.send("GET", search, null, null, Map.of(PURPOSE, "why")), 400);
        assertThat(citizen.session().get("/api/privacy/me/accesses").array()).isEmpty();

        String purpose = "거주 확인 민원 2026-117 처리";
        // percent-encoded UTF-8 (as the page's encodeURIComponent sends it): header values are Latin-1
        var read = registrar.send("GET", search, null, null, Map.of(PURPOSE, URLEncoder.encode(purpose, StandardCharsets.UTF_8).replace("+", "%20")));
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().getJsonArray("items")).hasSize(1);

        var log = citizen.session().get("/api/privacy/me/accesses").array();
        assertThat(log).hasSize(1);
        var entry = log.getJsonObject(0);
        assertThat(entry.getString("purpose")).isEqualTo(purpose);
        assertThat(entry.getString("staffRoles")).contains("REGISTRAR");
        assertThat(entry.getJsonArray("fields").toString()).contains("email", "residentDistrict");

        // the officer's monthly review counts it
        String month = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Seoul")).toString();
        var review = RoleSessions.session(Who.PRIVACY_OFFICER).get("/api/privacy/reviews/" + month);
        assertThat(review.status()).as(review.toString()).isEqualTo(200);
        assertThat(review.json().getInt("entries")).isPositive();
        assertThat(review.json().getJsonObject("chain").getBoolean("intact")).isTrue();
    }

    @Test
    void theAccessLogShowsTamperingAndRecoversWhenTheRowIsRestored() throws SQLException {
        var citizen = People.citizen();
        var registrar = RoleSessions.session(Who.REGISTRAR);
        var read = registrar.send("GET", "/api/admin/users?limit=1&q=" + URLEncoder.encode(citizen.email(), StandardCharsets.UTF_8),
                null, null, Map.of(PURPOSE, "checking a complaint"));
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        var officer = RoleSessions.session(Who.PRIVACY_OFFICER);
        assertThat(officer.get("/api/privacy/accesses/verification").json().getBoolean("intact")).isTrue();

        try (Connection db = MadangServer.get().connect()) {
            long seq;
            try (var query = db.prepareStatement("SELECT MAX(seq) FROM privacy_access_entry WHERE subject_id = ?")) {
                query.setObject(1, citizen.id());
                var rows = query.executeQuery();
                rows.next();
                seq = rows.getLong(1);
            }
            update(db, "UPDATE privacy_access_entry SET purpose = 'nothing to see here' WHERE seq = ?", seq);
            try {
                var check = officer.get("/api/privacy/accesses/verification").json();
                assertThat(check.getBoolean("intact")).isFalse();
                assertThat(check.getJsonNumber("firstBrokenSeq").longValue()).isEqualTo(seq);
            } finally {
                update(db, "UPDATE privacy_access_entry SET purpose = 'checking a complaint' WHERE seq = ?", seq);
            }
        }
        assertThat(officer.get("/api/privacy/accesses/verification").json().getBoolean("intact")).isTrue();
    }

    @Test
    void theExportHasASectionPerFeatureAndReadsAsAPageAndAPdf() throws Exception {
        var citizen = People.citizen();
        var export = citizen.session().get("/api/privacy/me/export");
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        assertThat(export.header("Content-Disposition").orElse("")).contains("attachment");
        var sections = export.json().getJsonObject("sections");
        assertThat(sections.keySet()).contains("account", "privacy", "elections");
        assertThat(sections.getJsonObject("account").getString("email")).isEqualTo(citizen.email());
        assertThat(export.json().getString("subject")).isEqualTo(citizen.id().toString());

        assertThat(citizen.session().patch("/api/me", Api.json("displayName", "김 & \"이\" 시민")).status()).isEqualTo(200);
        var page = citizen.session().get("/api/privacy/me/export.html");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains(citizen.email(), "김 &amp; &quot;이&quot; 시민", "<h2>privacy</h2>", "<h2>account</h2>", "<h2>elections</h2>");

        // the PDF says the same, in text a reader can extract (Korean in the embedded font)
        int version = citizen.session().get("/api/privacy/consent-texts").array().getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("purpose").equals("EMAIL_DIGEST")).findFirst().orElseThrow().getInt("version");
        assertThat(citizen.session().put("/api/privacy/me/consents/EMAIL_DIGEST", Api.json("version", version)).status()).isEqualTo(200);
        var pdf = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(MadangServer.get().uri("/api/privacy/me/export.pdf"))
                .header("Authorization", "Bearer " + citizen.session().bearerToken()).header("Accept-Language", "ko").build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElse("")).contains("attachment", ".pdf");
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(text).contains("마당이 보관한 내 정보", citizen.email(), "김 & \"이\" 시민", "EMAIL_DIGEST", "granted: true", "■ privacy");
        }
        var anonymous = Session.anonymous().get("/api/privacy/me/export.pdf");
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void erasureRemovesThePersonEverywhereKeepsAPseudonymAndLeavesBallotsAlone() throws SQLException {
        var person = People.citizen();
        String name = "지울이름-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(person.session().patch("/api/me", Api.json("displayName", name)).status()).isEqualTo(200);
        person.session().put("/api/privacy/me/consents/EMAIL_DIGEST", Api.json("version", 1));
        // something in public under the name: a forum thread
        var forum = RoleSessions.session(Who.ADMIN).post("/api/forums", Api.json("titleKo", "지우기 시험 " + UUID.randomUUID(),
                "titleEn", "Erasure test", "description", "erasure", "stanceRequired", false, "residentsOnly", false));
        assertThat(forum.status()).as(forum.toString()).isEqualTo(201);
        var thread = person.session().post("/api/forums/" + forum.json().getString("id") + "/threads",
                Api.json("title", "공원을 늘려 주세요", "body", "산책할 곳이 부족합니다."));
        assertThat(thread.status()).as(thread.toString()).isEqualTo(201);
        String threadPath = "/api/forums/threads/" + thread.json().getString("id");
        assertThat(Session.anonymous().get(threadPath).json().getJsonObject("thread").getString("authorName")).isEqualTo(name);
        var exported = person.session().get("/api/privacy/me/export").json().getJsonObject("sections");
        assertThat(exported.getJsonObject("forum").getJsonArray("posts").getJsonObject(0).getString("text")).isEqualTo("산책할 곳이 부족합니다.");
        assertThat(exported.keySet()).contains("forum", "polls", "consultations", "disclosure", "moderation");
        String ballotsBefore = ballotFingerprint();

        var asked = person.session().post("/api/privacy/me/erasure-requests", Api.json("removeContributions", false));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        var due = LocalDate.parse(asked.json().getString("dueOn"));
        assertThat(due.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(due).isAfterOrEqualTo(LocalDate.now(java.time.ZoneId.of("Asia/Seoul")).plusDays(10));
        assertThat(asked.json().getBoolean("overdue")).isFalse();
        assertThat(asked.json().getString("deadlineExplanationKo")).contains("개인정보 보호법 제36조", "민법 제157조", due.toString());
        assertThat(asked.json().getString("deadlineExplanationEn")).contains("PIPA Art. 36(2)", due.toString());
        problem(person.session().post("/api/privacy/me/erasure-requests", Api.json("removeContributions", false)), 409);

        var officer = RoleSessions.session(Who.PRIVACY_OFFICER);
        String id = asked.json().getString("id");
        assertThat(officer.get("/api/privacy/erasure-requests").array().getValuesAs(JsonObject.class))
                .anySatisfy(r -> assertThat(r.getString("id")).isEqualTo(id));
        var done = officer.post("/api/privacy/erasure-requests/" + id + "/completion");
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        String pseudonym = done.json().getString("pseudonym");
        assertThat(pseudonym).matches("#\\d+");
        problem(officer.post("/api/privacy/erasure-requests/" + id + "/completion"), 409);

        // no sign-in any more, and not a trace of the e-mail address or the name in any column of any table
        problem(Session.anonymous().post("/api/tokens", Api.json("email", person.email(), "password", person.password())), 401);
        assertThat(tablesContaining(person.email())).isEmpty();
        assertThat(tablesContaining(name)).isEmpty();
        // the account row stays under the pseudonym, so what the person wrote in public still has an author
        try (Connection db = MadangServer.get().connect();
             var query = db.prepareStatement("SELECT display_name, erased_at FROM account WHERE id = ?")) {
            query.setObject(1, person.id());
            var row = query.executeQuery();
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo("탈퇴한 사용자 " + pseudonym + " (Former user " + pseudonym + ")");
            assertThat(row.getTimestamp(2)).isNotNull();
        }
        // the thread is still there, under the pseudonym
        var kept = Session.anonymous().get(threadPath).json().getJsonObject("thread");
        assertThat(kept.getString("authorName")).isEqualTo("탈퇴한 사용자 " + pseudonym + " (Former user " + pseudonym + ")");
        assertThat(kept.getString("bodyHtml")).contains("산책할 곳이 부족합니다.");
        // ballots never held identity: the board, the credentials and the roll's districts are exactly as before
        assertThat(ballotFingerprint()).isEqualTo(ballotsBefore);
    }

    @Test
    void erasureWithContributionsLeavesTombstonesInTheForumAndTakesCommentsOutOfTheRecord() throws SQLException {
        var person = People.citizen();
        var forum = RoleSessions.session(Who.ADMIN).post("/api/forums", Api.json("titleKo", "기여 삭제 시험 " + UUID.randomUUID(),
                "titleEn", "Erasure test", "description", "erasure", "stanceRequired", false, "residentsOnly", false));
        String word = SearchWords.unique("놀이터");
        var thread = person.session().post("/api/forums/" + forum.json().getString("id") + "/threads",
                Api.json("title", word + " 제목", "body", word + " 본문입니다."));
        assertThat(thread.status()).as(thread.toString()).isEqualTo(201);
        String threadPath = "/api/forums/threads/" + thread.json().getString("id");
        assertThat(Session.anonymous().get("/api/forums/search?q=" + java.net.URLEncoder.encode(word, java.nio.charset.StandardCharsets.UTF_8))
                .json().getInt("total")).isEqualTo(1);

        var asked = person.session().post("/api/privacy/me/erasure-requests", Api.json("removeContributions", true));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        var done = RoleSessions.session(Who.PRIVACY_OFFICER).post("/api/privacy/erasure-requests/" + asked.json().getString("id") + "/completion");
        assertThat(done.status()).as(done.toString()).isEqualTo(200);

        var tombstone = Session.anonymous().get(threadPath).json().getJsonObject("thread");
        assertThat(tombstone.getBoolean("deleted")).isTrue();
        assertThat(tombstone.toString()).doesNotContain(word);
        assertThat(Session.anonymous().get("/api/forums/search?q=" + java.net.URLEncoder.encode(word, java.nio.charset.StandardCharsets.UTF_8))
                .json().getInt("total")).as("gone from search").isZero();
        assertThat(tablesContaining(word)).isEmpty();
    }

    @Test
    void theRetentionJobDeletesWhatIsPastItsTimeAndSaysSoInTheAuditLog() throws SQLException {
        var citizen = People.citizen();
        UUID token = UUID.randomUUID(), mail = UUID.randomUUID();
        Timestamp longAgo = Timestamp.from(Instant.now().minus(Duration.ofDays(40)));
        try (Connection db = MadangServer.get().connect()) {
            try (var insert = db.prepareStatement("INSERT INTO account_token (id, account_id, purpose, token_hash, expires_at, created_at) VALUES (?, ?, 'PASSWORD_RESET', ?, ?, ?)")) {
                insert.setObject(1, token);
                insert.setObject(2, citizen.id());
                insert.setString(3, UUID.randomUUID().toString().replace("-", ""));
                insert.setTimestamp(4, longAgo);
                insert.setTimestamp(5, longAgo);
                insert.executeUpdate();
            }
            try (var insert = db.prepareStatement("INSERT INTO mail_outbox (id, recipient, subject, body, status, created_at, sent_at) VALUES (?, ?, 'old', 'old', 'SENT', ?, ?)")) {
                insert.setObject(1, mail);
                insert.setString(2, citizen.email());
                insert.setTimestamp(3, longAgo);
                insert.setTimestamp(4, longAgo);
                insert.executeUpdate();
            }
        }
        var run = RoleSessions.session(Who.PRIVACY_OFFICER).post("/api/privacy/retention-runs");
        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        assertThat(run.json().getInt("tokens")).isPositive();
        assertThat(run.json().getInt("mail")).isPositive();
        try (Connection db = MadangServer.get().connect()) {
            assertThat(count(db, "SELECT COUNT(*) FROM account_token WHERE id = ?", token)).isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM mail_outbox WHERE id = ?", mail)).isZero();
        }
        var audit = RoleSessions.session(Who.AUDITOR).get("/api/audit?limit=20").json().getJsonArray("items").getValuesAs(JsonObject.class);
        assertThat(audit).anySatisfy(e -> assertThat(e.getString("action")).isEqualTo("privacy.retention-run"));
        assertThat(RoleSessions.session(Who.PRIVACY_OFFICER).get("/api/privacy/accesses/verification").json().getBoolean("intact")).isTrue();
    }

    @Test
    void theDistrictIsEncryptedAtRestAndStillReadsAfterTheKeyIsRotated() throws SQLException, InterruptedException {
        var resident = People.citizen();
        String district = "세종특별자치시 " + UUID.randomUUID().toString().substring(0, 6) + "동";
        var registrar = RoleSessions.session(Who.REGISTRAR);
        var verified = registrar.post("/api/admin/users/" + resident.id() + "/resident-verification", Api.json("district", district));
        assertThat(verified.status()).as(verified.toString()).isEqualTo(204);
        assertThat(resident.session().get("/api/me").json().getString("residentDistrict")).isEqualTo(district);
        String before = rawDistrict(resident.id());
        assertThat(before).startsWith("gcm1:").doesNotContain(district);
        assertThat(tablesContaining(district)).as("no plaintext copy anywhere, the audit log included").isEmpty();

        var admin = RoleSessions.session(Who.ADMIN);
        var rotated = admin.post("/api/privacy/field-keys/rotations");
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(202);
        String newKey = rotated.json().getString("currentKeyId");
        // the background job re-encrypts every row: wait for it (no timing assertion, just a bound on waiting)
        JsonObject status = null;
        for (int i = 0; i < 200; i++) {
            status = admin.get("/api/privacy/field-keys").json();
            if (status.getJsonObject("rowsByKey").keySet().equals(java.util.Set.of(newKey))) break;
            Thread.sleep(100);
        }
        assertThat(status.getJsonObject("rowsByKey").keySet()).containsExactly(newKey);
        String after = rawDistrict(resident.id());
        assertThat(after).startsWith("gcm1:" + newKey + ":").doesNotContain(district).isNotEqualTo(before);
        assertThat(resident.session().get("/api/me").json().getString("residentDistrict")).isEqualTo(district);
        // the e-mail column was re-encrypted too, and the person still signs in with the address
        assertThat(rawColumn("account", "email", resident.id())).startsWith("gcm1:" + newKey + ":").doesNotContain(resident.email());
        assertThat(People.signIn(resident.email(), People.PASSWORD, null).get("/api/me").json().getString("email")).isEqualTo(resident.email());
    }

    @Test
    void voterRollAddressesAreEncryptedAtRestAndStillKeptOncePerRoll() throws SQLException {
        var voter = People.citizen();
        var election = new ElectionDriver(RoleSessions.session(Who.ELECTION_ADMIN), true, 1, 1);
        String csv = "email,district\n" + voter.email() + ",seoul\n";
        var first = RoleSessions.session(Who.ELECTION_ADMIN).send("POST", election.path("/roll/imports"), csv, "text/csv", Map.of());
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().getInt("added")).isEqualTo(1);
        assertThat(tablesContaining(voter.email())).as("no plaintext copy of the address, the roll included").isEmpty();
        // the same address differently written is found by its keyed hash: not added twice
        String again = "email,district\n" + voter.email().toUpperCase(java.util.Locale.ROOT) + ",seoul\n";
        var second = RoleSessions.session(Who.ELECTION_ADMIN).send("POST", election.path("/roll/imports"), again, "text/csv", Map.of());
        assertThat(second.json().getInt("added")).as(second.toString()).isZero();
        var roll = RoleSessions.session(Who.AUDITOR).get(election.path("/roll"));
        assertThat(roll.json().getJsonArray("items").getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("email")).containsExactly(voter.email());
    }

    @Test
    void theEmailIsEncryptedAtRestAndStillSignsInAndIsFoundOnlyByTheWholeAddress() throws SQLException {
        var person = People.citizen();
        String address = person.email();
        String raw = rawColumn("account", "email", person.id());
        assertThat(raw).startsWith("gcm1:").doesNotContain(address).doesNotContain(address.substring(0, address.indexOf('@')));
        assertThat(rawColumn("account", "email_lookup", person.id())).matches("[0-9a-f]{64}");
        assertThat(tablesContaining(address)).as("no plaintext copy of the address anywhere, the outbox included").isEmpty();
        // sign-in finds the account by the keyed hash of the normalised address
        assertThat(People.signIn("  " + address.toUpperCase(java.util.Locale.ROOT) + " ", People.PASSWORD, null).get("/api/me").json()
                .getString("email")).isEqualTo(address);
        // the address stays unique although two encryptions of it never look alike
        var twice = Session.anonymous().post("/api/accounts", Api.json("email", address, "password", People.PASSWORD, "displayName", "둘째", "locale", "ko"));
        assertThat(twice.status()).as(twice.toString()).isEqualTo(409);
        try (Connection db = MadangServer.get().connect()) {
            assertThat(count(db, "SELECT COUNT(*) FROM account WHERE email_lookup = (SELECT email_lookup FROM account WHERE id = ?)", person.id()))
                    .isEqualTo(1);
        }
        // staff find a person by the whole address only: a part of it finds nobody
        var registrar = RoleSessions.session(Who.REGISTRAR);
        Map<String, String> why = Map.of(PURPOSE, "address lookup test");
        var whole = registrar.send("GET", "/api/admin/users?q=" + URLEncoder.encode(address, StandardCharsets.UTF_8), null, null, why);
        assertThat(whole.status()).as(whole.toString()).isEqualTo(200);
        assertThat(whole.json().getJsonArray("items").getValuesAs(JsonObject.class)).extracting(i -> i.getString("id"))
                .containsExactly(person.id().toString());
        String part = address.substring(0, address.indexOf('@') + 3);
        var partial = registrar.send("GET", "/api/admin/users?q=" + URLEncoder.encode(part, StandardCharsets.UTF_8), null, null, why);
        assertThat(partial.status()).as(partial.toString()).isEqualTo(200);
        assertThat(partial.json().getJsonArray("items")).isEmpty();
        problem(registrar.send("GET", "/api/admin/users?cursor=not-an-id", null, null, why), 404);

        // the new address of a pending e-mail change is encrypted as well
        String next = People.uniqueEmail("moving");
        var change = person.session().post("/api/me/email-changes", Api.json("newEmail", next, "password", People.PASSWORD));
        assertThat(change.status()).as(change.toString()).isEqualTo(202);
        try (Connection db = MadangServer.get().connect();
             var query = db.prepareStatement("SELECT payload FROM account_token WHERE account_id = ? AND payload IS NOT NULL")) {
            query.setObject(1, person.id());
            var rows = query.executeQuery();
            int tokens = 0;
            for (; rows.next(); tokens++) assertThat(rows.getString(1)).startsWith("gcm1:").doesNotContain(next);
            assertThat(tokens).isPositive();
        }
    }

    @Test
    void anAddressStoredBeforeEncryptionSignsInAndIsEncryptedByTheConversion() throws SQLException, InterruptedException {
        var template = People.citizen();
        String address = People.uniqueEmail("legacy");
        UUID id = UUID.randomUUID();
        try (Connection db = MadangServer.get().connect()) {
            // a row as V1 to V9 wrote it: plaintext address, no look-up value
            try (var insert = db.prepareStatement("INSERT INTO account (id, email, password_hash, display_name, locale, identity_level, email_verified_at, created_at)"
                    + " SELECT ?, ?, password_hash, '옛 시민', 'ko', 'REGISTERED', ?, ? FROM account WHERE id = ?")) {
                Timestamp now = Timestamp.from(Instant.now());
                insert.setObject(1, id);
                insert.setString(2, address);
                insert.setTimestamp(3, now);
                insert.setTimestamp(4, now);
                insert.setObject(5, template.id());
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }
        }
        assertThat(People.signIn(address, People.PASSWORD, null).get("/api/me").json().getString("id")).isEqualTo(id.toString());

        // the conversion also runs before a key rotation re-encrypts (at start it runs on its own)
        var admin = RoleSessions.session(Who.ADMIN);
        var rotated = admin.post("/api/privacy/field-keys/rotations");
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(202);
        for (int i = 0; i < 200 && rawColumn("account", "email_lookup", id) == null; i++) Thread.sleep(100);
        assertThat(rawColumn("account", "email_lookup", id)).matches("[0-9a-f]{64}");
        assertThat(rawColumn("account", "email", id)).startsWith("gcm1:").doesNotContain(address);
        assertThat(People.signIn(address, People.PASSWORD, null).get("/api/me").json().getString("email")).isEqualTo(address);
    }

    @Test
    void badInputIsAProblemNeverAServerError() {
        var citizen = People.citizen().session();
        problem(citizen.put("/api/privacy/me/consents/POLL_DEMOGRAPHICS", Api.json("version", 99)), 409);
        problem(citizen.put("/api/privacy/me/consents/POLL_DEMOGRAPHICS", Api.json("version", -1)), 400);
        problem(citizen.put("/api/privacy/me/consents/POLL_DEMOGRAPHICS", "{}"), 400);
        problem(citizen.put("/api/privacy/me/consents/POLL_DEMOGRAPHICS", "{\"version\":"), 400);
        problem(citizen.put("/api/privacy/me/consents/NOT_A_PURPOSE", Api.json("version", 1)), 404);
        problem(citizen.get("/api/privacy/me/accesses?limit=100000"), 400);
        problem(citizen.post("/api/privacy/me/erasure-requests", "[]"), 400);
        var officer = RoleSessions.session(Who.PRIVACY_OFFICER);
        problem(officer.get("/api/privacy/reviews/2026-13"), 400);
        problem(officer.get("/api/privacy/reviews/last-month"), 400);
        problem(officer.post("/api/privacy/erasure-requests/" + UUID.randomUUID() + "/completion"), 404);
        var registrar = RoleSessions.session(Who.REGISTRAR);
        problem(registrar.send("GET", "/api/admin/users?q=x", null, null, Map.of(PURPOSE, "x".repeat(5000))), 400);
        problem(registrar.send("GET", "/api/admin/users?q=x", null, null, Map.of(PURPOSE, "line%01break%0Aagain")), 400);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static void problem(Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.isProblem()).as(reply.toString()).isTrue();
    }

    /** Every table.column of character type whose value contains the text (Flyway's own history aside). */
    private static List<String> tablesContaining(String text) throws SQLException {
        var found = new ArrayList<String>();
        try (Connection db = MadangServer.get().connect()) {
            var columns = new ArrayList<String[]>();
            try (var rows = db.getMetaData().getColumns(null, db.getSchema(), "%", "%")) {
                while (rows.next()) {
                    String table = rows.getString("TABLE_NAME"), column = rows.getString("COLUMN_NAME");
                    int type = rows.getInt("DATA_TYPE");
                    boolean character = type == java.sql.Types.VARCHAR || type == java.sql.Types.CHAR || type == java.sql.Types.LONGVARCHAR
                            || type == java.sql.Types.CLOB || type == java.sql.Types.NVARCHAR;
                    if (character && !table.toLowerCase().startsWith("flyway")) columns.add(new String[] {table, column});
                }
            }
            assertThat(columns).as("character columns found").hasSizeGreaterThan(20);
            for (var c : columns) {
                try (var query = db.prepareStatement("SELECT COUNT(*) FROM \"" + c[0] + "\" WHERE \"" + c[1] + "\" LIKE ?")) {
                    query.setString(1, "%" + text + "%");
                    var rows = query.executeQuery();
                    rows.next();
                    if (rows.getLong(1) > 0) found.add(c[0] + "." + c[1]);
                }
            }
        }
        return found;
    }

    /** A digest of everything a ballot or a credential is: the board and the roll's credentials. */
    private static String ballotFingerprint() throws SQLException {
        try (Connection db = MadangServer.get().connect()) {
            var text = new StringBuilder();
            try (var rows = db.createStatement().executeQuery("SELECT election_id, position, entry_hash, credential FROM board_entry ORDER BY election_id, position")) {
                while (rows.next()) text.append(rows.getString(1)).append(rows.getLong(2)).append(rows.getString(3)).append(rows.getString(4)).append('\n');
            }
            try (var rows = db.createStatement().executeQuery("SELECT id, credential, district, ballot_style FROM election_voter ORDER BY id")) {
                while (rows.next()) text.append(rows.getString(1)).append(rows.getString(2)).append(rows.getString(3)).append(rows.getString(4)).append('\n');
            }
            return Integer.toHexString(text.toString().hashCode()) + ":" + text.length();
        }
    }

    private static String rawDistrict(UUID account) throws SQLException {
        try (Connection db = MadangServer.get().connect();
             var query = db.prepareStatement("SELECT resident_district FROM account WHERE id = ?")) {
            query.setObject(1, account);
            var row = query.executeQuery();
            assertThat(row.next()).isTrue();
            return row.getString(1);
        }
    }

    private static String rawColumn(String table, String column, UUID id) throws SQLException {
        try (Connection db = MadangServer.get().connect();
             var query = db.prepareStatement("SELECT " + column + " FROM " + table + " WHERE id = ?")) {
            query.setObject(1, id);
            var row = query.executeQuery();
            assertThat(row.next()).isTrue();
            return row.getString(1);
        }
    }

    private static void update(Connection db, String sql, long seq) throws SQLException {
        try (var statement = db.prepareStatement(sql)) {
            statement.setLong(1, seq);
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }

    private static long count(Connection db, String sql, UUID id) throws SQLException {
        try (var query = db.prepareStatement(sql)) {
            query.setObject(1, id);
            var rows = query.executeQuery();
            rows.next();
            return rows.getLong(1);
        }
    }
}
