package io.tracked.sample.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DocumentTest {

  @Test
  void knowsItsNameAndExtension() {
    Document document = new Document("/home/a/src/Invoice.java", "");
    assertEquals("Invoice.java", document.fileName());
    assertEquals("java", document.fileExtension());
    assertEquals("", new Document("/home/a/Makefile", "").fileExtension());
    assertEquals("", new Document("/home/a/.bashrc", "").fileExtension());
  }

  @Test
  void typingMovesTheCursorAndInsertingElsewhereKeepsItsPlace() {
    Document document = new Document("/a.txt", "ac");
    document.moveCursorTo(1);
    document.type("b");
    assertEquals("abc", document.text());
    assertEquals(2, document.cursor());
    document.insertAt(0, ">");
    assertEquals(">abc", document.text());
    assertEquals(">ab", document.textBeforeCursor());
    document.insertAt(4, "!");
    assertEquals(">abc!", document.text());
    assertEquals(">ab", document.textBeforeCursor());
  }

  @Test
  void countsLines() {
    assertEquals(1, new Document("/a", "").lineCount());
    assertEquals(2, new Document("/a", "x\ny").lineCount());
    assertEquals(2, new Document("/a", "x\ny\n").lineCount());
  }

  @Test
  void theCursorStaysInsideTheText() {
    Document document = new Document("/a", "abc");
    assertThrows(IndexOutOfBoundsException.class, () -> document.moveCursorTo(4));
    assertThrows(IllegalArgumentException.class, () -> document.moveCursorAfter("zz"));
    document.moveCursorToEnd();
    document.replaceText("a", 3);
    assertEquals(1, document.cursor());
  }
}
