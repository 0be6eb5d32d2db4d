package org.madang.disclosure.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.madang.platform.files.FileSignatures;

class PublicationFileNameTest {

    @Test
    void theExtensionFollowsTheBytesAndTheNameLosesPathsAndOddCharacters() {
        assertThat(Publications.safeName("../../etc/사고 통계.exe", FileSignatures.PDF)).isEqualTo("사고_통계.pdf");
        assertThat(Publications.safeName("C:\\docs\\data.html", FileSignatures.CSV)).isEqualTo("data.csv");
        assertThat(Publications.safeName("보고서.hwpx", FileSignatures.ZIP)).isEqualTo("보고서.hwpx");
        assertThat(Publications.safeName("page.html", FileSignatures.ZIP)).isEqualTo("page.zip");
        assertThat(Publications.safeName("old.hwp", FileSignatures.OLE)).isEqualTo("old.hwp");
        assertThat(Publications.safeName("noextension", FileSignatures.OLE)).isEqualTo("noextension.bin");
        assertThat(Publications.safeName("\"; x=\".json", FileSignatures.JSON)).isEqualTo("_x_.json");
        assertThat(Publications.safeName(null, FileSignatures.TEXT)).isEqualTo("file.txt");
    }
}
