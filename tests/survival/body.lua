-- The reference text of a document's body for the survival test, given to pandoc -L.
-- Images: their alt text is an attribute in galley's output, not visible text, so it is left out.
-- Math: TeX is drawn as formulas, not as words, so it is left out.
-- Notes: galley sets them at the foot of a page (PDF) or after the article (EPUB); notes.lua
-- compares them on their own.
function Image() return {} end
function Math() return {} end
function Note() return {} end
-- Ordered lists: a reading system draws the numbers from <ol>, they are not text of the EPUB;
-- compared as a bullet list, whose markers are punctuation the word rules drop.
function OrderedList(el) return pandoc.BulletList(el.content) end
