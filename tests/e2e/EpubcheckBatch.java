// Checks every EPUB named on the command line with EPUBCheck's own API, in one Java machine:
// starting the machine and loading EPUBCheck's schemas is most of a one-book run, so a suite
// that checks ten books pays for it once. For each book, EPUBCheck's messages, then one line
// "verdict: BOOK: F fatals / E errors / W warnings / I infos".
// Run as a source file: java -cp /usr/share/java/epubcheck.jar EpubcheckBatch.java BOOK...
import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.util.DefaultReportImpl;
import java.io.File;

public class EpubcheckBatch {
  public static void main(String[] books) {
    // The report prints messages to standard error: one stream keeps them beside their verdict.
    System.setErr(System.out);
    for (String book : books) {
      DefaultReportImpl report = new DefaultReportImpl(book);
      new EpubCheck(new File(book), report).doValidate();
      System.out.println("verdict: " + book + ": " + report.getFatalErrorCount() + " fatals / "
          + report.getErrorCount() + " errors / " + report.getWarningCount() + " warnings / "
          + report.getInfoCount() + " infos");
    }
  }
}
