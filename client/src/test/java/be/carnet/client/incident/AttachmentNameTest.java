package be.carnet.client.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;

import be.carnet.protocol.report.Attachment;
import org.junit.jupiter.api.Test;

/** An uploaded file's name is cut to fit without leaving half an emoji, which canonical JSON cannot sign. */
class AttachmentNameTest {

    @Test
    void aLongNameOfEmojiIsCutBetweenCharactersNotInsideOne() {
        String untrusted = "x" + "\ud83d\ude00".repeat(100) + ".jpg";

        String kept = IncidentController.fileName(untrusted);

        assertEquals("x" + "\ud83d\ude00".repeat(57) + ".jpg", kept);
        assertEquals(true, Attachment.validName(kept));
    }

    @Test
    void aNameHoldingALoneSurrogateIsNotAValidName() {
        assertEquals(false, Attachment.validName("photo\ud83d.jpg"));
    }
}
