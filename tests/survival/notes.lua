-- The reference text of a document's footnotes only, in order, for the survival test.
-- (pandoc 2.17's Lua API has no Pandoc:walk, so notes are collected by an Inline filter that
-- runs before the Pandoc filter.)
local notes = {}

local function strip(block)
  return pandoc.walk_block(block, {
    Image = function() return {} end,
    Math = function() return {} end,
  })
end

return {
  { Note = function(n)
      for _, b in ipairs(n.content) do table.insert(notes, strip(b)) end
    end },
  { Pandoc = function(doc) return pandoc.Pandoc(notes, doc.meta) end },
}
