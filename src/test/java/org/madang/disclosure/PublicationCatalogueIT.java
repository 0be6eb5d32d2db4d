package org.madang.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.madang.testing.Api;
import org.madang.testing.Api.Reply;
import org.madang.testing.Api.Session;
import org.madang.testing.People;
import org.w3c.dom.Element;

/**
 * The publication catalogue end to end: publish, version, search in Korean and English, filter, Atom feeds, checksums
 * of downloads, withdrawal; and bad input that is refused with problem+json and leaves nothing behind.
 */
class PublicationCatalogueIT {

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private static Reply ok(Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        return reply;
    }

    private static JsonObject list(String query) {
        return ok(Session.anonymous().get("/api/publications?" + query), 200).json();
    }

    private static List<String> ids(JsonObject page) {
        return page.getJsonArray("items").stream().map(v -> v.asJsonObject().getString("id")).toList();
    }

    private static String q(String text) {
        return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void publishVersionSearchFilterFeedDownloadAndWithdraw() throws Exception {
        UUID agency = People.ministry();
        var official = People.staff("OFFICIAL", agency).session();
        var accidents = PublicationDriver.publish(official, PublicationDriver.body(agency, "STATISTICS", "2026년 교통사고 통계",
                "Road accident statistics 2026", "TRANSPORT", "ko", "시내버스 교통사고 발생 현황을 구간별로 집계했습니다.", "2026-03-02"));
        String accidentsId = accidents.getString("id");
        assertThat(accidents.getString("kind")).isEqualTo("STATISTICS");
        assertThat(accidents.getJsonObject("agency").getString("id")).isEqualTo(agency.toString());
        assertThat(accidents.getJsonObject("licence").getString("code")).isEqualTo("KOGL_1");
        assertThat(accidents.getJsonArray("versions")).hasSize(1);
        String airId = PublicationDriver.publish(official, PublicationDriver.body(agency, "REPORT", "대기질 보고서", "Air quality report",
                "ENVIRONMENT", "en", "Fine dust concentrations measured across the monitoring stations of the city.", "2026-02-10")).getString("id");
        String minutesId = PublicationDriver.publish(official, PublicationDriver.body(agency, "MINUTES", "교통정책위원회 회의록",
                "Minutes of the transport policy committee", "TRANSPORT", "ko", "버스 노선 개편과 교통사고 예방 대책을 심의했습니다.",
                "2025-06-01")).getString("id");

        // a text file: its checksum is in the metadata and the header; its text is searchable
        byte[] csv = "구간,사고건수\n강남대로,17\n테헤란로,9\n".getBytes(StandardCharsets.UTF_8);
        var uploaded = ok(PublicationDriver.upload(official, accidentsId, csv, "application/octet-stream", "사고 통계.csv"), 201);
        assertThat(uploaded.json().getString("contentType")).isEqualTo("text/csv");
        assertThat(uploaded.json().getString("sha256")).isEqualTo(sha256(csv));
        assertThat(uploaded.header("X-Checksum-SHA256")).contains(sha256(csv));
        byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes(StandardCharsets.US_ASCII);
        var pdfUploaded = ok(PublicationDriver.upload(official, accidentsId, pdf, "text/plain", "report.exe"), 201);
        assertThat(pdfUploaded.json().getString("contentType")).isEqualTo("application/pdf");
        assertThat(pdfUploaded.json().getString("fileName")).isEqualTo("report.pdf");
        assertThat(ids(list(q("테헤란로") + "&agency=" + agency))).containsExactly(accidentsId);

        var downloaded = ok(Session.anonymous().get(uploaded.json().getString("url")), 200);
        byte[] bytes = downloaded.body().getBytes(StandardCharsets.UTF_8);
        assertThat(bytes).isEqualTo(csv);
        assertThat(downloaded.header("X-Checksum-SHA256")).contains(sha256(bytes));
        assertThat(downloaded.header("Repr-Digest").orElseThrow())
                .isEqualTo("sha-256=:" + java.util.Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256(bytes))) + ":");
        assertThat(downloaded.header("Content-Disposition").orElseThrow()).startsWith("attachment;").contains("filename*=UTF-8''");
        assertThat(downloaded.contentType()).startsWith("text/csv");

        // a new version supersedes the first, which stays listed with its files
        var versioned = ok(official.post("/api/publications/" + accidentsId + "/versions", Api.json("note", "4월 수치 정정")), 201).json();
        var versions = versioned.getJsonArray("versions");
        assertThat(versions).hasSize(2);
        assertThat(versions.getJsonObject(0).getInt("number")).isEqualTo(2);
        assertThat(versions.getJsonObject(0).getBoolean("current")).isTrue();
        assertThat(versions.getJsonObject(0).getJsonArray("files")).isEmpty();
        assertThat(versions.getJsonObject(1).getBoolean("current")).isFalse();
        assertThat(versions.getJsonObject(1).getString("supersededAt")).isNotBlank();
        assertThat(versions.getJsonObject(1).getJsonArray("files")).hasSize(2);
        byte[] corrected = "구간,사고건수\n강남대로,18\n올림픽대로,4\n".getBytes(StandardCharsets.UTF_8);
        ok(PublicationDriver.upload(official, accidentsId, corrected, "text/csv", "corrected.csv"), 201);
        // search follows the current version's text
        assertThat(ids(list(q("올림픽대로") + "&agency=" + agency))).containsExactly(accidentsId);
        assertThat(ids(list(q("테헤란로") + "&agency=" + agency))).isEmpty();

        // Korean search with highlighting, narrowed by the filters
        var korean = list(q("교통사고") + "&agency=" + agency);
        assertThat(ids(korean)).containsExactlyInAnyOrder(accidentsId, minutesId);
        assertThat(korean.getInt("total")).isEqualTo(2);
        var hit = korean.getJsonArray("items").stream().map(v -> v.asJsonObject())
                .filter(i -> i.getString("id").equals(accidentsId)).findFirst().orElseThrow();
        assertThat(hit.getString("titleHtml") + hit.getString("snippetHtml")).contains("<mark>");
        assertThat(ids(list(q("교통사고") + "&agency=" + agency + "&kind=STATISTICS"))).containsExactly(accidentsId);
        assertThat(ids(list(q("교통사고") + "&agency=" + agency + "&from=2026-01-01"))).containsExactly(accidentsId);
        assertThat(ids(list(q("교통사고") + "&agency=" + agency + "&language=en"))).isEmpty();
        assertThat(ids(list(q("교통사고") + "&agency=" + UUID.randomUUID()))).isEmpty();

        // English search with stemming
        var english = list(q("dust concentration") + "&agency=" + agency);
        assertThat(ids(english)).containsExactly(airId);
        assertThat(english.getJsonArray("items").getJsonObject(0).getString("snippetHtml")).contains("<mark>");
        assertThat(ids(list(q("accident statistics") + "&agency=" + agency))).containsExactly(accidentsId);
        assertThat(ids(list(q("dust") + "&agency=" + agency + "&category=TRANSPORT"))).isEmpty();

        // listing: newest publication date first, filters, pagination
        var all = list("agency=" + agency);
        assertThat(all.getInt("total")).isEqualTo(3);
        assertThat(ids(all)).containsExactly(accidentsId, airId, minutesId);
        assertThat(ids(list("agency=" + agency + "&kind=MINUTES"))).containsExactly(minutesId);
        assertThat(ids(list("agency=" + agency + "&category=TRANSPORT"))).containsExactly(accidentsId, minutesId);
        assertThat(ids(list("agency=" + agency + "&language=en"))).containsExactly(airId);
        assertThat(ids(list("agency=" + agency + "&from=2026-01-01&to=2026-03-01"))).containsExactly(airId);
        var second = list("agency=" + agency + "&size=2&page=1");
        assertThat(second.getInt("total")).isEqualTo(3);
        assertThat(second.getInt("page")).isEqualTo(1);
        assertThat(second.getInt("size")).isEqualTo(2);
        assertThat(ids(second)).containsExactly(minutesId);

        // Atom feeds parse as XML and list the entries newest first
        var feed = ok(Session.anonymous().get("/api/publications/feeds/agency/" + agency + ".atom"), 200);
        assertThat(feed.contentType()).startsWith("application/atom+xml");
        var entries = atomEntries(feed.body());
        assertThat(entries).extracting(e -> e.get(0)).containsExactly("urn:uuid:" + accidentsId, "urn:uuid:" + airId, "urn:uuid:" + minutesId);
        assertThat(entries.get(0).get(1)).contains("2026년 교통사고 통계");
        var categoryFeed = atomEntries(ok(Session.anonymous().get("/api/publications/feeds/category/ENVIRONMENT.atom"), 200).body());
        assertThat(categoryFeed).extracting(e -> e.get(0)).contains("urn:uuid:" + airId).doesNotContain("urn:uuid:" + accidentsId);
        assertThat(Session.anonymous().get("/api/publications/feeds/category/NONSENSE.atom").status()).isEqualTo(404);
        assertThat(Session.anonymous().get("/api/publications/feeds/agency/" + UUID.randomUUID() + ".atom").status()).isEqualTo(404);

        // withdrawal leaves a tombstone with the reason, out of search, its files no longer served
        var withdrawn = ok(official.post("/api/publications/" + accidentsId + "/withdrawal", Api.json("reason", "집계 오류로 철회합니다.")), 200).json();
        assertThat(withdrawn.getBoolean("withdrawn")).isTrue();
        assertThat(withdrawn.getString("withdrawalReason")).isEqualTo("집계 오류로 철회합니다.");
        assertThat(ok(Session.anonymous().get("/api/publications/" + accidentsId), 200).json().getBoolean("withdrawn")).isTrue();
        assertThat(ids(list(q("올림픽대로") + "&agency=" + agency))).isEmpty();
        assertThat(ids(list("agency=" + agency))).contains(accidentsId);
        var gone = Session.anonymous().get(uploaded.json().getString("url"));
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.isProblem()).isTrue();
        assertThat(ok(official.post("/api/publications/" + accidentsId + "/versions", Api.json("note", "다시")), 409).isProblem()).isTrue();
    }

    /** Each entry as [id, title, updated, link href]; fails unless the feed is Atom with the required elements. */
    private static List<List<String>> atomEntries(String xml) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        var document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element feed = document.getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        for (String required : List.of("id", "title", "updated")) assertThat(child(feed, required)).as(required).isNotBlank();
        var entries = new ArrayList<List<String>>();
        var nodes = feed.getElementsByTagNameNS(ATOM, "entry");
        for (int i = 0; i < nodes.getLength(); i++) {
            var entry = (Element) nodes.item(i);
            var link = (Element) entry.getElementsByTagNameNS(ATOM, "link").item(0);
            assertThat(link.getAttribute("href")).startsWith("http");
            java.time.Instant.parse(child(entry, "updated"));
            entries.add(List.of(child(entry, "id"), child(entry, "title"), child(entry, "updated"), link.getAttribute("href")));
        }
        return entries;
    }

    private static String child(Element parent, String name) {
        var nodes = parent.getElementsByTagNameNS(ATOM, name);
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getParentNode() == parent) return nodes.item(i).getTextContent();
        }
        throw new AssertionError("no " + name + " in " + parent.getLocalName());
    }

    @Test
    void badInputIsRefusedWithProblemsAndWritesNothing() {
        UUID agency = People.ministry();
        UUID otherAgency = People.ministry();
        var official = People.staff("OFFICIAL", agency).session();
        var stranger = People.staff("OFFICIAL", otherAgency).session();
        String id = PublicationDriver.publish(official, PublicationDriver.body(agency)).getString("id");

        List<Reply> refused = new ArrayList<>();
        // unknown agency, another agency's official, a citizen, broken fields
        refused.add(expect(official.post("/api/publications", PublicationDriver.body(UUID.randomUUID())), 400));
        refused.add(expect(stranger.post("/api/publications", PublicationDriver.body(agency)), 403));
        refused.add(expect(People.citizen().session().post("/api/publications", PublicationDriver.body(agency)), 403));
        refused.add(expect(official.post("/api/publications", PublicationDriver.body(agency, "MEMO", "제목", "Title", "BUDGET", "ko", "설명", null)), 400));
        refused.add(expect(official.post("/api/publications", PublicationDriver.body(agency, "REPORT", "", "Title", "BUDGET", "ko", "설명", null)), 400));
        refused.add(expect(official.post("/api/publications", PublicationDriver.body(agency, "REPORT", "제목", "Title", "BUDGET", "fr", "설명", null)), 400));
        refused.add(expect(official.post("/api/publications", PublicationDriver.body(agency, "REPORT", "제목", "Title", "BUDGET", "ko", "설명", "2026-02-31")), 400));
        refused.add(expect(official.post("/api/publications", PublicationDriver.body(agency, "REPORT", "제목".repeat(200), "Title", "BUDGET", "ko", "설명", null)), 400));
        // files: too large, markup, unknown bytes, empty; another agency's official
        byte[] big = new byte[8 * 1024 * 1024 + 1];
        System.arraycopy("%PDF-1.4".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 8);
        refused.add(expect(PublicationDriver.upload(official, id, big, "application/pdf", "big.pdf"), 413));
        refused.add(expect(PublicationDriver.upload(official, id, "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8),
                "text/plain", "a.txt"), 415));
        refused.add(expect(PublicationDriver.upload(official, id, "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8),
                "image/svg+xml", "a.svg"), 415));
        refused.add(expect(PublicationDriver.upload(official, id, new byte[] {0, 1, 2, 3, (byte) 0xfe, (byte) 0xff}, "application/pdf", "a.pdf"), 415));
        refused.add(expect(PublicationDriver.upload(official, id, new byte[0], "text/csv", "a.csv"), 400));
        refused.add(expect(PublicationDriver.upload(stranger, id, "a,b\n".getBytes(StandardCharsets.UTF_8), "text/csv", "a.csv"), 403));
        refused.add(expect(stranger.post("/api/publications/" + id + "/versions", Api.json("note", "남의 기관")), 403));
        refused.add(expect(stranger.post("/api/publications/" + id + "/withdrawal", Api.json("reason", "남의 기관")), 403));
        refused.add(expect(official.post("/api/publications/" + id + "/withdrawal", Api.json("reason", "")), 400));
        refused.add(expect(Session.anonymous().get("/api/publications?kind=MEMO"), 400));
        refused.add(expect(Session.anonymous().get("/api/publications?from=yesterday"), 400));
        refused.add(expect(Session.anonymous().get("/api/publications?size=1000"), 400));
        refused.add(expect(Session.anonymous().get("/api/publications/" + UUID.randomUUID()), 404));
        assertThat(refused).allSatisfy(r -> assertThat(r.isProblem()).as(r.toString()).isTrue());

        var publication = ok(Session.anonymous().get("/api/publications/" + id), 200).json();
        assertThat(publication.getBoolean("withdrawn")).isFalse();
        assertThat(publication.getJsonArray("versions")).hasSize(1);
        assertThat(publication.getJsonArray("versions").getJsonObject(0).getJsonArray("files")).isEmpty();
        assertThat(list("agency=" + agency).getInt("total")).isEqualTo(1);
        assertThat(list("agency=" + otherAgency).getInt("total")).isZero();
    }

    private static Reply expect(Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        return reply;
    }
}
