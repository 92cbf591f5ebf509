-- The reference text of a document's footnotes only, in order, for the survival test.
function Pandoc(doc)
  local blocks = {}
  doc:walk({
    Note = function(n)
      for _, b in ipairs(n.content) do table.insert(blocks, b) end
    end,
  })
  return pandoc.Pandoc(pandoc.List(blocks):walk({
    Image = function() return {} end,
    Math = function() return {} end,
  }), doc.meta)
end
