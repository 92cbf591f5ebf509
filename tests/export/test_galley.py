"""The Python module as a CMS would use it: render files and text to bytes, read the errors."""
import io
import os
import threading
import unittest
import warnings
import zipfile

import galley

FIXTURES = os.environ["GALLEY_FIXTURES"]
EPOCH = 1777248000


class RenderTest(unittest.TestCase):
    def test_a_file_to_pdf_bytes(self):
        pdf = galley.render(os.path.join(FIXTURES, "harbour.md"), source_date_epoch=EPOCH)
        self.assertIsInstance(pdf, bytes)
        self.assertTrue(pdf.startswith(b"%PDF-"))
        self.assertIn(b"/Title", pdf)

    def test_text_in_memory_to_an_epub_with_its_words(self):
        text = ("---\ntitle: Pâtisserie du port\nlang: fr\nauthor: Élise Marchand\n---\n\n"
                "Les bateaux rentrent à l'aube, chargés de sardines.\n")
        epub = galley.render_text(text, name="patisserie.md", format="epub",
                                  source_date_epoch=EPOCH)
        with zipfile.ZipFile(io.BytesIO(epub)) as book:
            self.assertEqual(book.read("mimetype"), b"application/epub+zip")
            xhtml = "".join(book.read(n).decode() for n in book.namelist()
                            if n.endswith(".xhtml"))
        self.assertIn("chargés de sardines", xhtml)
        self.assertIn("Pâtisserie du port", xhtml)

    def test_same_input_same_bytes_from_text_and_file(self):
        path = os.path.join(FIXTURES, "harbour.md")
        with open(path, encoding="utf-8") as f:
            text = f.read()
        self.assertEqual(
            galley.render(path, source_date_epoch=EPOCH, style="broadsheet"),
            galley.render_text(text, name=path, base_dir=FIXTURES, source_date_epoch=EPOCH,
                               style="broadsheet"))

    def test_input_errors_raise_with_located_diagnostics(self):
        text = "---\ntitle: Broken\n---\nA note that is not there.[^gone]\n"
        with self.assertRaises(galley.Error) as raised:
            galley.render_text(text, name="broken.md")
        errors = [d for d in raised.exception.diagnostics if d["severity"] == "error"]
        self.assertTrue(errors)
        self.assertEqual(errors[0]["file"], "broken.md")
        self.assertEqual(errors[0]["line"], 4)
        self.assertIn("broken.md:4", str(raised.exception))

    def test_warnings_go_through_the_warnings_module(self):
        text = "---\ntitle: T\ntitel: x\n---\nHello.\n"
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            pdf = galley.render_text(text, name="w.md")
        self.assertTrue(pdf.startswith(b"%PDF-"))
        self.assertTrue(any("titel" in str(w.message) for w in caught))

    def test_bad_options_and_formats(self):
        with self.assertRaises(ValueError):
            galley.render(os.path.join(FIXTURES, "harbour.md"), format="docx")
        with self.assertRaises(galley.Error) as raised:
            galley.render(os.path.join(FIXTURES, "harbour.md"), pdf_standard="a-9")
        self.assertIn("pdf_standard", str(raised.exception))

    def test_threads_render_at_once(self):
        results = [None] * 4

        def work(i):
            results[i] = galley.render(os.path.join(FIXTURES, "orchard.md"),
                                       source_date_epoch=EPOCH)

        threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertTrue(all(r == results[0] for r in results))

    def test_version(self):
        self.assertEqual(galley.version(), galley.__version__)
        self.assertRegex(galley.version(), r"^\d+\.\d+\.\d+$")


if __name__ == "__main__":
    unittest.main()
